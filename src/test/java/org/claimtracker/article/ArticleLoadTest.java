package org.claimtracker.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.support.Fixtures;
import org.claimtracker.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;

/**
 * Reading an article's text does not read its search vector: both are loaded on first use, and the
 * vector (V11, tens of kilobytes for a long text, never used in Java) is a lazy group of its own.
 */
@QuarkusTest
class ArticleLoadTest {

    @Test
    void theTextIsReadWithoutTheSearchVector() {
        String text = "The harbour was shelled twice. " + Fixtures.unique("Load");
        long article = Fixtures.article(text, LocalDate.of(2020, 2, 2));
        given().get("/api/articles/" + article).then().statusCode(200);
        SqlStatementCounter.reset();
        given().get("/api/articles/" + article).then().statusCode(200).body("text", containsString("shelled twice"));
        List<String> statements = SqlStatementCounter.statements();
        assertTrue(statements.stream().anyMatch(sql -> sql.contains("body")), statements.toString());
        assertTrue(statements.stream().noneMatch(sql -> sql.contains("search_vector")), statements.toString());
    }
}
