package org.claimtracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.claimtracker.support.CapturedOutput;
import org.claimtracker.support.Logins;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The commands behind ./tracker token (issue-token): {@code TOKEN=$(./tracker token viewer)} must
 * capture the token and nothing else, and a mistake must read as a sentence on standard error with
 * a non-zero status.
 */
@QuarkusTest
class CommandLineTest {

    @Inject
    CommandLine commands;

    private final CapturedOutput output = new CapturedOutput();

    private int run(String... args) {
        return output.run(commands::run, args);
    }

    @Test
    void aTokenIsTheOnlyThingOnStandardOutput() throws Exception {
        assertEquals(0, run("issue-token", Logins.VIEWER, "2"));
        assertTrue(output.out().matches("ctk_[A-Za-z0-9_-]{43}\n"), "stdout: [" + output.out() + "]");
        assertEquals("", output.err());
        try (Connection connection = TestDatabase.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select actor from audit_log where table_name = 'api_token' and after ->> 'name' = 'command line'"
                                + " order by id desc limit 1");
                ResultSet row = query.executeQuery()) {
            assertTrue(row.next());
            assertEquals("cli:" + System.getProperty("user.name"), row.getString(1),
                    "the audit trail marks who ran the command, and that it was the command line");
        }
    }

    @Test
    void anUnknownAccountIsASentenceOnStandardErrorAndAFailure() {
        assertEquals(1, run("issue-token", "nosuchuser"));
        assertEquals("", output.out());
        assertEquals("tracker: No enabled account is named 'nosuchuser'\n", output.err());
    }

    @Test
    void badArgumentsAreSentencesToo() {
        assertEquals(2, run("issue-token", Logins.VIEWER, "thirty"));
        assertEquals("", output.out());
        assertTrue(output.err().startsWith("tracker: days must be a whole number of days"), output.err());
        assertEquals(2, run("no-such-command"));
        assertFalse(output.err().contains("Exception"), output.err());
    }

    @Test
    void commandsLogToStandardErrorAndTheServerAsConfigured() {
        assertEquals(Map.of("quarkus.log.console.stderr", "true"), TrackerMain.commandSettings("issue-token", "viewer"));
        assertEquals(Map.of(), TrackerMain.commandSettings());
    }
}
