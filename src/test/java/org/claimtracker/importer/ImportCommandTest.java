package org.claimtracker.importer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.claimtracker.support.CapturedOutput;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** ./tracker import: several files as one import, progress on standard error, bad rows by file and line. */
@QuarkusTest
class ImportCommandTest {

    @Inject
    ImportCommand command;

    private final CapturedOutput output = new CapturedOutput();

    private int run(String... args) {
        return output.run(command::run, args);
    }

    @Test
    void filesAreOneImportAndBadRowsNameTheirFileAndLine() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createTempDirectory("import-test");
        Path outlets = dir.resolve("outlets.csv");
        Files.writeString(outlets, "name,kind,country\nWire " + k + ",wire_agency,FR\n");
        Path parties = dir.resolve("parties.jsonl");
        Files.writeString(parties, "{\"type\":\"party\",\"name\":\"Eland " + k + "\",\"kind\":\"state\"}\n"
                + "{\"type\":\"party\",\"name\":\"Eland " + k + "\",\"kind\":\"state\"}\n");

        assertEquals(1, run("--type", "outlets", outlets.toString(), parties.toString()));
        String errors = output.err();
        assertTrue(errors.contains(parties + " line 2, name: repeats the party name on line 1"), errors);
        assertTrue(errors.contains("import: checking"), errors);
        assertEquals(0, given().queryParam("q", k).when().get("/api/outlets").then().statusCode(200)
                .extract().jsonPath().getInt("total"));

        Files.writeString(parties, "{\"type\":\"party\",\"name\":\"Eland " + k + "\",\"kind\":\"state\"}\n");
        assertEquals(0, run("--type", "outlets", outlets.toString(), parties.toString()));
        assertTrue(output.out().contains("Imported: {outlet=1, party=1}"), output.out());
        assertEquals(1, given().queryParam("q", "Wire " + k).when().get("/api/outlets").then().statusCode(200)
                .extract().jsonPath().getInt("total"));
        assertEquals(2, run("--format", "xml", outlets.toString()));
        assertEquals(2, run());
    }

    /** A name given on the command line cannot pass for an account: the audit trail marks it. */
    @Test
    void theNameGivenWithAsIsMarkedAsAssertedOnTheCommandLine() throws Exception {
        String k = UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempDirectory("import-as").resolve("outlets.csv");
        Files.writeString(file, "name,kind\nAsserted " + k + ",blog\n");
        assertEquals(0, run("--type", "outlets", "--as", "admin", file.toString()));
        assertEquals(List.of("cli:admin"), actorsOf("Asserted " + k));
        Files.writeString(file, "name,kind\nDefault " + k + ",blog\n");
        assertEquals(0, run("--type", "outlets", file.toString()));
        assertEquals(List.of("cli:" + System.getProperty("user.name")), actorsOf("Default " + k));
    }

    private static List<String> actorsOf(String outlet) throws Exception {
        return TestDatabase.column("select actor from audit_log where table_name = 'outlet' and after ->> 'name' = ?", outlet);
    }
}
