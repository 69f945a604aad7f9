package org.claimtracker.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Relevance on the seed dataset (seeds/, loaded into the test database on start): questions an
 * analyst would type, each with the record that must come among the first three hits of all kinds.
 * Records are named by their natural keys (claim and incident refs, party names, article titles),
 * never by seed row ids.
 */
@QuarkusTest
class SearchRelevanceTest {

    /** A query and the record it must find: kind, and the natural key (ref, name or title). */
    record Case(String query, String kind, String key) {
    }

    /** One case a line: the query, the kind, the key, separated by {@code |}. */
    static final List<Case> CASES = """
            Belgian F-16 Hasajek civilians | claim | ru-mod-belgian-f16-hasajek
            nine missiles Saeqa camp | claim | syria-mfa-coalition-jets-hit-saeqa-camp
            Backfire bombers Mozdok | claim | us-dod-russian-bombers-hit-saeqa-camp
            al Bab Turkish jets joint operation | claim | duran-al-bab-joint-russian-turkish-strike
            hotline Shayrat retaliated | claim | duran-russia-cut-hotline-after-shayrat
            SU-22 self-defence | claim | coalition-su22-bombed-sdf-self-defence
            first barrel bombs Idlib | incident | first-barrel-bombs-idlib-2012-10-01
            Konashenkov | party | Igor Konashenkov
            al-Khan Hasakah | incident | al-khan-strikes-2015-12-07
            Deir ezZor oil | claim | russia-insider-is-oil-from-deir-ezzor
            weddings funerals hospitals | claim | ru-mod-coalition-hit-weddings-hospitals
            Pentagon | party | US Department of Defense
            Putin threatens to publish NATO raids | article | Russia Has Proof: Vladimir Putin Threatens to Publish Details of Secret NATO, Belgian Bombing Raids in Syria
            Resafa captured | incident | rusafa-capture-2017-06-19
            """.lines().map(line -> line.split("\\s*\\|\\s*")).map(f -> new Case(f[0].strip(), f[1], f[2].strip())).toList();

    static long idOf(String kind, String key) {
        String sql = switch (kind) {
            case "claim" -> "select id from claim where ref = ?";
            case "incident" -> "select id from incident where ref = ?";
            case "party" -> "select id from party where name = ?";
            case "article" -> "select id from article where title = ?";
            default -> throw new IllegalArgumentException(kind);
        };
        return SearchApiTest.sqlCount(sql, key);
    }

    /** Where the record comes in the hits of the query (1 for first), or 0 when not in the first 20. */
    static int rankOf(Case c) {
        long id = idOf(c.kind(), c.key());
        List<Map<String, Object>> items = given().queryParam("q", c.query()).when().get("/api/search").then()
                .statusCode(200).extract().jsonPath().getList("items");
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            if (c.kind().equals(item.get("kind")) && id == ((Number) item.get("id")).longValue()) {
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void analystQueriesFindTheirRecordInTheFirstThree() {
        List<String> misses = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Case c : CASES) {
            int rank = rankOf(c);
            report.append(String.format("%-45s %-9s %-50s rank %d%n", c.query(), c.kind(), c.key(), rank));
            if (rank < 1 || rank > 3) {
                misses.add(c.query() + " -> " + c.kind() + " " + c.key() + " at " + rank);
            }
        }
        System.out.println("Search relevance on the seed dataset:\n" + report);
        assertEquals(List.of(), misses, report.toString());
    }
}
