package org.claimtracker.position;

import static org.claimtracker.support.Fixtures.DAY;
import static org.claimtracker.support.Fixtures.claim;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.response;
import static org.claimtracker.support.Fixtures.state;
import static org.claimtracker.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The party page's positions per month: for current positions PositionService.monthsOf reads the
 * maintained months (V15); as of a date after everything it derives them on the fly. The two must
 * agree for every scope, with and without commentary, and follow a write that moves a position to
 * another month.
 */
@QuarkusTest
class PositionMonthsTest {

    private static final String TEXT = "The ministry of A says jets of B bombed V. B denies it.";
    private static final String QUOTE = "B denies it.";
    private static final LocalDate END = LocalDate.of(9999, 12, 31);

    @Inject
    PositionService positions;

    private static PositionMonth month(LocalDate day, Position position, long n) {
        return new PositionMonth(day.toString().substring(0, 7), position, n);
    }

    private void assertMaintainedEqualsComputed(long party, String after) {
        for (Scope scope : Arrays.asList(null, Scope.self, Scope.parts, Scope.members)) {
            for (boolean commentary : List.of(false, true)) {
                assertEquals(positions.monthsOf(party, scope, END, commentary), positions.monthsOf(party, scope, null, commentary),
                        after + ": scope " + scope + ", commentary " + commentary);
            }
        }
    }

    @Test
    void theMaintainedMonthsAnswerAsTheMonthsDerivedOnTheFly() {
        long article = Fixtures.article(TEXT, DAY.plusDays(200));
        long a = state("A");
        long b = state("B");
        long ministry = created("/api/parties", Map.of("name", unique("B ministry"), "kind", "government_body", "parentId", b));
        long silent = claim(a, b, article, QUOTE, DAY);
        long denied = claim(a, b, article, QUOTE, DAY.plusDays(3));
        response(denied, b, "denies", DAY.plusDays(40), article, QUOTE);
        long confirmed = claim(a, ministry, article, QUOTE, DAY.plusDays(5));
        response(confirmed, ministry, "confirms", DAY.plusDays(70), article, QUOTE);
        Map<String, Object> body = Fixtures.claimBody(a, b, article, QUOTE, DAY.plusDays(10));
        body.put("kind", "commentary");
        long commentary = created("/api/claims", body);
        response(commentary, b, "denies", DAY.plusDays(75), article, QUOTE);

        // The month of the latest response, else of the claim; commentary only when asked for.
        assertEquals(List.of(month(DAY, Position.unresolved, 1), month(DAY.plusDays(40), Position.denied, 1)),
                positions.monthsOf(b, null, null, false));
        assertEquals(List.of(month(DAY, Position.unresolved, 1), month(DAY.plusDays(40), Position.denied, 1),
                month(DAY.plusDays(75), Position.denied, 1)), positions.monthsOf(b, null, null, true));
        // Scope parts: the ministry's confirmation is rolled up into B's.
        assertEquals(List.of(month(DAY, Position.unresolved, 1), month(DAY.plusDays(40), Position.denied, 1),
                month(DAY.plusDays(70), Position.confirmed, 1)), positions.monthsOf(b, Scope.parts, null, false));
        assertMaintainedEqualsComputed(b, "built");
        assertMaintainedEqualsComputed(ministry, "built (ministry)");

        // A later denial moves the silent claim from the claim's month to the response's.
        response(silent, b, "denies", DAY.plusDays(100), article, QUOTE);
        assertEquals(List.of(month(DAY.plusDays(40), Position.denied, 1), month(DAY.plusDays(100), Position.denied, 1)),
                positions.monthsOf(b, null, null, false));
        assertMaintainedEqualsComputed(b, "after a response");
    }
}
