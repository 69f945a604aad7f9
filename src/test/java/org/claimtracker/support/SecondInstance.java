package org.claimtracker.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimtracker.setup.SetupSettings;

/**
 * Another tracker process on the test database, for tests of what several instances share: the
 * packaged application (target/quarkus-app, which the build writes before the tests run) started
 * as {@code ./tracker run} starts it, with the test profile's settings, on a free port of
 * 18500-18549 (the management interface on any free port). Its output goes to
 * target/instance-PORT.log. Closing it stops the process.
 */
public final class SecondInstance extends ChildProcess {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final int FIRST_PORT = 18500;
    private static final int LAST_PORT = 18549;
    /** A start on a busy machine (load 10 and more) can take a minute; a healthy one takes seconds. */
    private static final Duration START_DEADLINE = Duration.ofSeconds(180);

    private SecondInstance(Process process, int port, Path log) {
        super(process, port, log);
    }

    /** Starts an instance on the test database. */
    public static SecondInstance start() {
        return starting(TestDatabase.url(), Map.of()).awaitReady();
    }

    /**
     * Launches an instance on the database at {@code url} (as the tracker's role), with these
     * settings added (system properties); {@link #awaitReady} waits for it.
     */
    public static SecondInstance starting(String url, Map<String, String> settings) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the build writes it before the tests (process-classes)");
        }
        SetupSettings db = TestDatabase.settings();
        int port = freePort();
        Path log = Path.of("target", "instance-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.profile=test",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=localhost",
                "-Dquarkus.management.port=0",
                "-Dquarkus.datasource.jdbc.url=" + url,
                "-Dquarkus.datasource.username=" + db.appRole(),
                "-Dquarkus.datasource.password=" + (db.appPassword() == null ? "" : db.appPassword())));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new SecondInstance(process, port, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
    }

    /** Waits until the instance answers as ready; fails with its log's tail if it dies or takes too long. */
    public SecondInstance awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                .build();
        awaitReady("the instance on port " + port, START_DEADLINE,
                () -> client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return this;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    /** A port of 18500-18549 that nothing listens on now and that no instance of this run was given. */
    private static synchronized int freePort() {
        int offset = (int) (ProcessHandle.current().pid() % (LAST_PORT - FIRST_PORT + 1));
        for (int i = 0; i <= LAST_PORT - FIRST_PORT; i++) {
            int port = FIRST_PORT + (offset + i) % (LAST_PORT - FIRST_PORT + 1);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                HANDED_OUT.add(port);
                return port;
            } catch (IOException e) {
                // taken
            }
        }
        throw new IllegalStateException("no free port in " + FIRST_PORT + "-" + LAST_PORT);
    }
}
