package org.claimtracker.incident;

import static io.restassured.RestAssured.given;
import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.post;
import static org.claimtracker.support.Fixtures.put;
import static org.claimtracker.support.Fixtures.response;
import static org.claimtracker.support.Fixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.claimtracker.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentApiTest {

    @Test
    void precisionFollowsTheDatesUnlessGiven() {
        long day = created("/api/incidents", Map.of("title", unique("Raid"), "occurredOn", "2016-10-18"));
        given().get("/api/incidents/" + day).then().body("precision", is("day"));
        long undated = created("/api/incidents", Map.of("title", unique("Raid")));
        given().get("/api/incidents/" + undated).then().body("precision", is("unknown"));
        long range = created("/api/incidents", Map.of("title", unique("Campaign"), "occurredOn", "2015-09-30",
                "occurredUntil", "2015-12-08"));
        given().get("/api/incidents/" + range).then().body("precision", is("range"));
        long month = created("/api/incidents", Map.of("title", unique("Strikes"), "occurredOn", "2015-03-01",
                "precision", "month"));
        given().get("/api/incidents/" + month).then().body("precision", is("month"));
    }

    @Test
    void inconsistentDatesAreNamed() {
        post("/api/incidents", Map.of("title", unique("X"), "precision", "day")).statusCode(422)
                .body("field", is("occurredOn"));
        post("/api/incidents", Map.of("title", unique("X"), "occurredOn", "2016-01-02", "occurredUntil", "2016-01-01"))
                .statusCode(422).body("field", is("occurredUntil"));
        post("/api/incidents", Map.of("title", unique("X"), "occurredOn", "2016-01-02", "precision", "unknown"))
                .statusCode(422).body("field", is("precision"));
        post("/api/incidents", Map.of("title", unique("X"), "latitude", 36.1)).statusCode(422)
                .body("field", is("longitude"));
        post("/api/incidents", Map.of("title", unique("X"), "latitude", 95, "longitude", 10)).statusCode(400)
                .body("field", is("latitude"));
        post("/api/incidents", Map.of("title", unique("X"), "occurredOn", "2016-02-30")).statusCode(400)
                .body("field", is("occurredOn"));
        post("/api/incidents", Map.of("title", unique("X"), "occurredOn", "1200-01-01")).statusCode(422)
                .body("field", is("occurredOn"));
    }

    @Test
    void refsAreUnique() {
        String ref = "raid-" + System.nanoTime();
        created("/api/incidents", Map.of("title", unique("A"), "ref", ref));
        post("/api/incidents", Map.of("title", unique("B"), "ref", ref)).statusCode(409).body("field", is("ref"));
        post("/api/incidents", Map.of("title", unique("B"), "ref", "has spaces")).statusCode(400).body("field", is("ref"));
    }

    @Test
    void theIncidentTellsItsStoryInDateOrderWithSources() {
        LocalDate day = LocalDate.of(2015, 12, 6);
        long article = Fixtures.article("Syria said four coalition jets hit the camp. The officials flatly dismissed"
                + " the claims. US officials said Russian bombers carried out the strikes.", day.plusDays(2));
        long incident = created("/api/incidents", Map.of("title", unique("Camp strike"), "occurredOn", day.toString(),
                "place", "Ayyash"));
        long syria = Fixtures.state("Syria");
        long coalition = Fixtures.party("Coalition", "coalition");
        long us = Fixtures.state("US");
        long russia = Fixtures.state("Russia");

        Map<String, Object> first = Fixtures.claimBody(syria, coalition, article, "four coalition jets hit the camp", day);
        first.put("incidentId", incident);
        long accusation = created("/api/claims", first);
        Map<String, Object> second = Fixtures.claimBody(us, russia, article, "Russian bombers carried out the strikes",
                day.plusDays(1));
        second.put("incidentId", incident);
        long counter = created("/api/claims", second);
        long denial = response(accusation, coalition, "denies", day.plusDays(1), article, "flatly dismissed the claims");

        given().get("/api/incidents/" + incident).then().statusCode(200)
                .body("claims.id", contains((int) accusation, (int) counter))
                .body("timeline", hasSize(3))
                .body("timeline.type", contains("claim", "claim", "response"))
                .body("timeline.date", contains(day.toString(), day.plusDays(1).toString(), day.plusDays(1).toString()))
                .body("timeline[0].party.id", is((int) syria))
                .body("timeline[0].addressedParty.id", is((int) coalition))
                .body("timeline[0].sources[0].quote", is("four coalition jets hit the camp"))
                .body("timeline[0].sources[0].article.id", is((int) article))
                .body("timeline[2].responseId", is((int) denial))
                .body("timeline[2].stance", is("denies"))
                .body("timeline[2].claim.id", is((int) accusation))
                .body("timeline[2].sources[0].quote", is("flatly dismissed the claims"));
        given().get("/api/incidents?q=camp strike").then().statusCode(200);
        Fixtures.delete("/api/incidents/" + incident).statusCode(409);
    }

    @Test
    void listsFilterByDateAndUpdateChecksVersion() {
        String tag = unique("Filtered");
        long old = created("/api/incidents", Map.of("title", tag + " old", "occurredOn", "2001-01-01"));
        long recent = created("/api/incidents", Map.of("title", tag + " recent", "occurredOn", "2011-01-01"));
        given().queryParam("q", tag).get("/api/incidents").then().body("items.id", contains((int) recent, (int) old))
                .body("items[0].claimCount", is(0));
        given().queryParam("q", tag).queryParam("from", "2005-01-01").get("/api/incidents").then()
                .body("items.id", contains((int) recent));
        Map<String, Object> update = new HashMap<>(Map.of("title", tag + " renamed", "occurredOn", "2001-01-01"));
        update.put("version", 0);
        put("/api/incidents/" + old, update).statusCode(200).body("version", is(1));
        put("/api/incidents/" + old, update).statusCode(412);
        Fixtures.delete("/api/incidents/" + recent).statusCode(204);
    }
}
