package org.claimtracker.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stoplight Prism, an independent OpenAPI validator, run as a validating proxy in front of the
 * tracker under test. Every request passes through it to the tracker unchanged; Prism checks the
 * request and the answer against the description it was given and reports each disagreement in
 * the {@code sl-violations} header of the answer (location {@code request...} or
 * {@code response...}). Prism is installed from the npm registry once per version into the user's
 * cache directory (it needs Node.js and npm on the PATH).
 */
public final class Prism extends ChildProcess {

    public static final String VERSION = "5.14.2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Prism(Process process, int port, Path log) {
        super(process, port, log);
    }

    /** Starts a proxy checking against {@code description}, forwarding to {@code upstream}. */
    public static Prism proxy(Path description, String upstream, String name) throws IOException, InterruptedException {
        Path executable = install();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "prism-" + name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(executable.toString(), "proxy", description.toAbsolutePath().toString(),
                upstream, "--host", "127.0.0.1", "--port", Integer.toString(port), "--errors", "false")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Prism prism = new Prism(process, port, log);
        prism.awaitReady("Prism on port " + port, Duration.ofMinutes(3), () -> {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
        return prism;
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** The disagreements Prism found in an answer (not in the request that caused it). */
    public static List<String> responseViolations(String header) {
        List<String> found = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return found;
        }
        try {
            for (JsonNode violation : JSON.readTree(header)) {
                List<String> location = new ArrayList<>();
                violation.path("location").forEach(part -> location.add(part.asText()));
                if (!location.isEmpty() && location.get(0).equals("response")) {
                    found.add(String.join(".", location) + ": " + violation.path("message").asText());
                }
            }
        } catch (IOException e) {
            found.add("unreadable sl-violations header: " + header);
        }
        return found;
    }

    /** The prism command, installed once into the cache directory (npm, pinned version). */
    static synchronized Path install() throws IOException, InterruptedException {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = (cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache))
                .resolve("claim-tracker");
        Path home = base.resolve("prism-" + VERSION);
        Path executable = home.resolve("node_modules/.bin/prism");
        if (Files.isExecutable(executable)) {
            return executable;
        }
        // Installed beside its final place and moved there whole, so that two test runs installing at
        // once never see half an installation.
        Files.createDirectories(base);
        Path staging = Files.createTempDirectory(base, "prism-install-");
        Process npm = new ProcessBuilder("npm", "install", "--prefix", staging.toString(), "--no-audit", "--no-fund",
                "--loglevel=error", "@stoplight/prism-cli@" + VERSION)
                .redirectErrorStream(true).redirectOutput(staging.resolve("npm.log").toFile()).start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm could not install Prism " + VERSION + ": "
                    + Files.readString(staging.resolve("npm.log")));
        }
        try {
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) {
            if (!Files.isExecutable(executable)) {
                throw alreadyThere;
            }
        }
        return executable;
    }
}
