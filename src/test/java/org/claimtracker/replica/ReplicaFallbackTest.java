package org.claimtracker.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.claimtracker.setup.SetupSettings;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The fallback of reads a replica may serve, against the real PostgreSQL of the tests as the
 * primary: a replica that does not answer (a closed port) and a server that is no standby (the
 * primary itself) both send the read to the primary, and the health state says why. Reads served by
 * a real streaming replica, and a replica stopped under load, are shown by ops/scale-drill.sh.
 */
class ReplicaFallbackTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** The tests' server as the primary (its postgres database: this test needs none of the tracker's tables). */
    private static PGSimpleDataSource primary() {
        SetupSettings settings = TestDatabase.settings();
        PGSimpleDataSource primary = new PGSimpleDataSource();
        primary.setURL(TestDatabase.url().replaceFirst("/[^/]*$", "/postgres"));
        primary.setUser(settings.adminUser());
        primary.setPassword(settings.adminPassword());
        primary.setApplicationName("replica-fallback-test primary");
        return primary;
    }

    /** A port nothing listens on (taken and given back at once). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String servedBy(Connection connection) throws SQLException {
        return connection.getMetaData().getURL();
    }

    private double reads(String server, String reason) {
        Counter counter = registry.find("tracker.replica.reads").tag("server", server).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static ReplicaState awaitState(ReplicaReads reads, ReplicaState.Status status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reads.state().status() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return reads.state();
    }

    @Test
    void aReplicaThatDoesNotAnswerSendsTheReadToThePrimary() throws Exception {
        PGSimpleDataSource primary = primary();
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/claimtracker";
        try (ReplicaReads reads = new ReplicaReads(Optional.of(url), "claimtracker", null, Duration.ofSeconds(2), primary,
                registry)) {
            long started = System.nanoTime();
            String server = reads.read(primary::getConnection, ReplicaFallbackTest::servedBy);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(primary.getURL(), server, "the read went to the primary");
            assertEquals(1, reads("primary", "down"), "counted as sent to the primary for a replica that is down");
            assertEquals(0, reads("replica", "caught-up"));
            assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "a refused replica costs no long wait: " + took);

            ReplicaState state = awaitState(reads, ReplicaState.Status.DOWN);
            assertEquals(ReplicaState.Status.DOWN, state.status(), "the check finds the replica down");
            assertNull(state.lagBytes(), "no lag is known of a replica that does not answer");
            assertEquals(0.0, registry.get("tracker.replica.up").gauge().value());
            assertTrue(Double.isNaN(registry.get("tracker.replica.lag.bytes").gauge().value()));

            // Known to be down, the replica is not even tried.
            assertEquals(primary.getURL(), reads.read(primary::getConnection, ReplicaFallbackTest::servedBy));
            assertEquals(2, reads("primary", "down"));
        }
    }

    @Test
    void aServerThatIsNoStandbyIsNoReplica() throws Exception {
        PGSimpleDataSource primary = primary();
        SetupSettings settings = TestDatabase.settings();
        // The primary itself, named as the replica: it answers, but it is not in recovery.
        try (ReplicaReads reads = new ReplicaReads(Optional.of(primary.getURL()), settings.adminUser(),
                settings.adminPassword(), Duration.ofSeconds(2), primary, registry)) {
            ReplicaState state = awaitState(reads, ReplicaState.Status.NOT_A_STANDBY);
            assertEquals(ReplicaState.Status.NOT_A_STANDBY, state.status());
            assertEquals(primary.getURL(), reads.read(primary::getConnection, ReplicaFallbackTest::servedBy));
            assertTrue(reads("primary", "not-a-standby") >= 1, "counted as sent to the primary for a server that is no standby");
            assertEquals(0, reads("replica", "caught-up"));
        }
    }

    @Test
    void withoutAReplicaEveryReadGoesToThePrimaryUncounted() throws Exception {
        PGSimpleDataSource primary = primary();
        try (ReplicaReads reads = new ReplicaReads(Optional.empty(), "claimtracker", null, Duration.ofSeconds(2), primary,
                registry)) {
            assertFalse(reads.configured());
            assertEquals(ReplicaState.Status.NOT_CONFIGURED, reads.state().status());
            assertEquals(primary.getURL(), reads.read(primary::getConnection, ReplicaFallbackTest::servedBy));
            assertTrue(registry.getMeters().isEmpty(), "no replica metrics without a replica");
        }
    }

    @Test
    void onlyTheReplicaFailingUnderAReadSendsItAgainToThePrimary() {
        assertTrue(ReplicaReads.lost(new SQLException("connection lost", "08006")), "a broken connection");
        assertTrue(ReplicaReads.lost(new SQLException("terminating connection due to administrator command", "57P01")),
                "the replica shutting down");
        assertTrue(ReplicaReads.lost(new SQLException("canceling statement due to conflict with recovery", "40001")),
                "a conflict with recovery");
        assertFalse(ReplicaReads.lost(new SQLException("canceling statement due to statement timeout", "57014")),
                "an export too slow is not run again");
        assertFalse(ReplicaReads.lost(new SQLException("relation does not exist", "42P01")), "a fault of the read's own");
    }

    @Test
    void theLagIsTheAgeOfTheLastReplayedTransactionAtMostTheTimeSinceTheReplicaWasLastCaughtUp() {
        java.time.Instant checked = java.time.Instant.parse("2026-12-07T10:00:00Z");
        // Quiet primary, then a write not yet replayed: the last transaction is old, the replica was caught up 0.3 s ago.
        assertEquals(0.3, ReplicaReads.lagSeconds(1.48, checked.minusMillis(300), checked), 1e-9);
        // Under steady writes the replica trails by the age of its last transaction.
        assertEquals(0.2, ReplicaReads.lagSeconds(0.2, checked.minusSeconds(5), checked), 1e-9);
        assertEquals(2.0, ReplicaReads.lagSeconds(null, checked.minusSeconds(2), checked), 1e-9);
        assertEquals(0.7, ReplicaReads.lagSeconds(0.7, null, checked), 1e-9);
        assertNull(ReplicaReads.lagSeconds(null, null, checked));
    }

    @Test
    void walPositionsAreReadAsBytes() {
        assertEquals(0x16_B374D848L, Lsn.parse("16/B374D848"));
        assertEquals(0, Lsn.parse("0/0"));
        assertEquals(1L << 32, Lsn.parse("1/0") - Lsn.parse("0/0"));
    }
}
