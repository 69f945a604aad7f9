package org.claimtracker.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A real headless Chromium (Debian's, at /usr/bin/chromium; nothing is downloaded), started once
 * for the test run. Each test gets a fresh context (its own cookies) and, when it fails, leaves a
 * screenshot in target/browser-failures/.
 */
public final class Browser {

    private static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("TRACKER_CHROMIUM", "/usr/bin/chromium"));
    private static final Path FAILURES = Paths.get("target", "browser-failures");
    private static final Path SHOTS = Paths.get("target", "pictures");

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    private Browser() {
    }

    private static synchronized com.microsoft.playwright.Browser chromium() {
        if (chromium == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                chromium.close();
                playwright.close();
            }));
        }
        return chromium;
    }

    /** Runs {@code steps} in a fresh browser context; on failure saves a screenshot named after the test. */
    public static void run(String testName, String baseUrl, Consumer<Page> steps) {
        BrowserContext context = chromium().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl));
        // Generous: waits end as soon as the page is ready, and a busy machine must not fail a test.
        context.setDefaultTimeout(60_000);
        Page page = context.newPage();
        try {
            steps.accept(page);
        } catch (RuntimeException | AssertionError e) {
            try {
                Files.createDirectories(FAILURES);
                Path shot = FAILURES.resolve(testName.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
                page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
                System.err.println("Browser test failed; screenshot at " + shot.toAbsolutePath() + "; page was " + page.url());
            } catch (Exception screenshotFailure) {
                e.addSuppressed(screenshotFailure);
            }
            throw e;
        } finally {
            context.close();
        }
    }

    /** Logs in through the login form. */
    public static void logIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL("**/admin");
    }

    /**
     * Selects the first occurrence of {@code quote} in the article reader's text, as a reader would
     * with the mouse, across highlighted quotes if need be.
     */
    public static void selectInReader(Page page, String quote) {
        Object found = page.evaluate("""
                quote => {
                  const root = document.getElementById('article-text');
                  const at = root.textContent.indexOf(quote);
                  if (at < 0) { return false; }
                  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                  const range = document.createRange();
                  let seen = 0, startSet = false, node;
                  while ((node = walker.nextNode())) {
                    const len = node.textContent.length;
                    if (!startSet && at < seen + len) { range.setStart(node, at - seen); startSet = true; }
                    if (startSet && at + quote.length <= seen + len) { range.setEnd(node, at + quote.length - seen); break; }
                    seen += len;
                  }
                  const selection = window.getSelection();
                  selection.removeAllRanges();
                  selection.addRange(range);
                  return true;
                }
                """, quote);
        if (!Boolean.TRUE.equals(found)) {
            throw new AssertionError("the reader's text does not contain: " + quote);
        }
    }

    /**
     * Watches a page for what it must not do, and answers the list it fills: requests outside the
     * tracker, answers of 400 or more (but the browser's own /favicon.ico), CSP violations and other
     * console errors, script errors. Assert it empty at the end of the steps.
     */
    public static List<String> watch(Page page, String root) {
        List<String> wrong = new ArrayList<>();
        page.onRequest(r -> {
            if (!r.url().startsWith(root)) {
                wrong.add("request outside the tracker: " + r.url());
            }
        });
        page.onResponse(r -> {
            // The browser asks for /favicon.ico on its own.
            if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                wrong.add(r.status() + " for " + r.url());
            }
        });
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.type().equals("error") && !m.text().startsWith("Failed to load resource")) {
                wrong.add("console: " + m.text());
            }
        });
        page.onPageError(e -> wrong.add("page error: " + e));
        return wrong;
    }

    /** Asserts that the answer's Content-Security-Policy allows scripts and styles from the tracker only, nothing inline. */
    public static void assertStrictCsp(com.microsoft.playwright.Response answer) {
        String csp = answer.headers().get("content-security-policy");
        if (csp == null || !(csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && !csp.contains("unsafe-inline"))) {
            throw new AssertionError("Content-Security-Policy: " + csp);
        }
    }

    /** Leaves a screenshot of {@code what} in target/pictures/, named {@code name}, for a person to look at. */
    public static void shot(Locator what, String name) {
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        what.screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve(name)));
    }

    /** The text of a finished download (UTF-8). */
    public static String text(Download download) {
        try {
            return Files.readString(download.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
