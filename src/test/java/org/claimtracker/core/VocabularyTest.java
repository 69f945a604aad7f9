package org.claimtracker.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.claimtracker.importer.ImportState;
import org.claimtracker.account.AccountRole;
import org.claimtracker.claim.ClaimKind;
import org.claimtracker.claim.Grading;
import org.claimtracker.incident.DatePrecision;
import org.claimtracker.outlet.OutletKind;
import org.claimtracker.party.PartyKind;
import org.claimtracker.position.Position;
import org.claimtracker.position.Scope;
import org.claimtracker.response.Stance;
import org.claimtracker.support.TestDatabase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.claimtracker.dashboard.Vocabulary;

/**
 * Every vocabulary is written twice, as a Java enum (what the API and forms accept) and as the
 * CHECK constraint that guards the column; and every constraint (or unique index, or trigger) the
 * API explains in words must exist under that name. These tests hold each pair equal, so that a word added on one side only,
 * or a renamed constraint (which would fall back to a generic message), fails here first.
 */
@QuarkusTest
class VocabularyTest {

    record Vocabulary(Class<? extends Enum<?>> type, String constraint) {
    }

    private static final List<Vocabulary> VOCABULARIES = List.of(
            new Vocabulary(OutletKind.class, "outlet_kind_check"),
            new Vocabulary(PartyKind.class, "party_kind_check"),
            new Vocabulary(DatePrecision.class, "incident_date_precision_check"),
            new Vocabulary(ClaimKind.class, "claim_kind_check"),
            new Vocabulary(Grading.class, "claim_grading_check"),
            new Vocabulary(Stance.class, "response_stance_check"),
            new Vocabulary(AccountRole.class, "account_role_check"),
            new Vocabulary(Position.class, "party_position_position_check"),
            new Vocabulary(Position.class, "party_position_count_position_check"),
            new Vocabulary(Position.class, "party_position_month_position_check"),
            new Vocabulary(Position.class, "party_scope_position_position_check"),
            new Vocabulary(Scope.class, "party_scope_position_scope_check"),
            new Vocabulary(ImportState.class, "import_run_state_check"));

    @TestFactory
    Stream<DynamicTest> everyEnumHasTheWordsOfItsCheckConstraint() {
        return VOCABULARIES.stream().map(v -> DynamicTest.dynamicTest(v.type().getSimpleName() + " = " + v.constraint(), () -> {
            Set<String> java = Arrays.stream(v.type().getEnumConstants()).map(Enum::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(java, words(definition(v.constraint())));
        }));
    }

    @Test
    void everyVocabularyConstraintOfTheSchemaIsCovered() throws SQLException {
        List<String> listed = VOCABULARIES.stream().map(Vocabulary::constraint).toList();
        List<String> unlisted = new ArrayList<>();
        try (Connection db = TestDatabase.connect();
                ResultSet rows = db.createStatement().executeQuery("""
                        select conname from pg_constraint
                         where contype = 'c' and connamespace = 'public'::regnamespace
                           and pg_get_constraintdef(oid) like '%= ANY (%'""")) {
            while (rows.next()) {
                if (!listed.contains(rows.getString(1)) && !rows.getString(1).equals("audit_log_action_check")) {
                    unlisted.add(rows.getString(1));
                }
            }
        }
        assertEquals(List.of(), unlisted, "vocabulary constraints without their enum in this test");
    }

    @Test
    void everyConstraintTheApiExplainsExists() throws SQLException {
        Set<String> existing = new TreeSet<>();
        try (Connection db = TestDatabase.connect();
                ResultSet rows = db.createStatement().executeQuery(
                        "select conname from pg_constraint where connamespace = 'public'::regnamespace"
                                + " union select tgname from pg_trigger where not tgisinternal"
                                + " union select relname from pg_class where relkind = 'i' and relnamespace = 'public'::regnamespace")) {
            while (rows.next()) {
                existing.add(rows.getString(1));
            }
        }
        List<String> missing = ConstraintCatalog.names().stream().filter(name -> !existing.contains(name)).sorted().toList();
        assertEquals(List.of(), missing, "constraints ConstraintCatalog explains but the schema does not have");
    }

    private static String definition(String constraint) throws SQLException {
        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement(
                        "select pg_get_constraintdef(oid) from pg_constraint where conname = ?"
                                + " and connamespace = 'public'::regnamespace")) {
            query.setString(1, constraint);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "";
            }
        }
    }

    private static Set<String> words(String definition) {
        Set<String> words = new TreeSet<>();
        Matcher quoted = Pattern.compile("'([^']*)'").matcher(definition);
        while (quoted.find()) {
            words.add(quoted.group(1));
        }
        return words;
    }
}
