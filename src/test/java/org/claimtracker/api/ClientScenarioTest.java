package org.claimtracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.claimtracker.client.ApiClient;
import org.claimtracker.client.ApiException;
import org.claimtracker.client.api.ArticlesApi;
import org.claimtracker.client.api.ClaimsApi;
import org.claimtracker.client.api.OutletsApi;
import org.claimtracker.client.api.PartiesApi;
import org.claimtracker.client.api.PositionsApi;
import org.claimtracker.client.api.ResponsesApi;
import org.claimtracker.client.model.ArticleRequest;
import org.claimtracker.client.model.ArticleView;
import org.claimtracker.client.model.ClaimDetail;
import org.claimtracker.client.model.ClaimKind;
import org.claimtracker.client.model.ClaimRequest;
import org.claimtracker.client.model.ClaimRequestPatch;
import org.claimtracker.client.model.Grading;
import org.claimtracker.client.model.OutletKind;
import org.claimtracker.client.model.OutletRequest;
import org.claimtracker.client.model.PagePartyClaim;
import org.claimtracker.client.model.PartyClaim;
import org.claimtracker.client.model.PartyKind;
import org.claimtracker.client.model.PartyRequest;
import org.claimtracker.client.model.PartyView;
import org.claimtracker.client.model.Position;
import org.claimtracker.client.model.QuoteRequest;
import org.claimtracker.client.model.ResponseRequest;
import org.claimtracker.client.model.ResponseView;
import org.claimtracker.client.model.Stance;
import org.claimtracker.support.Logins;
import org.junit.jupiter.api.Test;

/**
 * The tracker as a client generated from its description sees it. The build generates a typed Java
 * client (openapi-generator, native library) from the description the application build wrote;
 * this scenario records an article, a claim quoting it, a denial, and reads the party's denied
 * claims back, through that client only. The client reads strictly (an answer field the
 * description does not name fails it), and the description it was generated from must be the one
 * the tracker serves.
 */
@QuarkusTest
class ClientScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL tracker;

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + tracker.getPort());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        client.setObjectMapper(client.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        return client;
    }

    @Test
    void recordAnArticleAClaimAndADenialThenReadThePartysDeniedClaims() throws Exception {
        ApiClient analyst = client(Logins.token(Logins.ANALYST, Logins.ANALYST_PASSWORD));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.of(2017, 6, 19);

        long outlet = new OutletsApi(analyst).createOutlet(new OutletRequest().name("Client Wire " + marker)
                .kind(OutletKind.WIRE_AGENCY)).getId();
        String text = "The ministry said a coalition jet shot down its plane near Raqqa. The coalition denied"
                + " that its jet fired first, saying it acted in self-defence. [" + marker + "]";
        ArticleView article = new ArticlesApi(analyst).createArticle(new ArticleRequest().outletId(outlet)
                .title("Jet downed " + marker).publishedOn(day).text(text));
        assertNull(article.getUrl());

        PartiesApi parties = new PartiesApi(analyst);
        PartyView ministry = parties.createParty(new PartyRequest().name("Client Ministry " + marker).kind(PartyKind.STATE));
        PartyView coalition = parties.createParty(new PartyRequest().name("Client Coalition " + marker)
                .kind(PartyKind.COALITION).aliases(List.of("CC " + marker)));

        ClaimDetail claim = new ClaimsApi(analyst).createClaim(new ClaimRequest().claimantId(ministry.getId())
                .addressedPartyId(coalition.getId()).proposition("A coalition jet shot down the plane")
                .kind(ClaimKind.ATTACK_ATTRIBUTION).statedOn(day)
                .sources(List.of(new QuoteRequest().articleId(article.getId()).quote("a coalition jet shot down its plane"))));
        assertEquals(1, claim.getSources().size());
        assertEquals(Grading.UNASSESSED, claim.getGrading());

        ResponseView denial = new ResponsesApi(analyst).createResponse(new ResponseRequest().claimId(claim.getId())
                .partyId(coalition.getId()).stance(Stance.DENIES).statedOn(day)
                .source(new QuoteRequest().articleId(article.getId()).quote("The coalition denied that its jet fired first")));
        assertEquals(Stance.DENIES, denial.getStance());

        ClaimDetail graded = new ClaimsApi(analyst).patchClaim(claim.getId(), "\"" + claim.getVersion() + "\"",
                new ClaimRequestPatch().grading(Grading.CONTESTED).gradingNote("Denied the same day."));
        assertEquals(Grading.CONTESTED, graded.getGrading());
        assertEquals(1, graded.getSources().size(), "a patch keeps what it does not name");

        PositionsApi positions = new PositionsApi(client(Logins.viewerToken()));
        // The request object keeps the call compiling when the operation gains an optional parameter.
        PagePartyClaim denied = positions.listPartyClaims(PositionsApi.APIListPartyClaimsRequest.newBuilder()
                .id(coalition.getId()).status(Position.DENIED).build());
        assertEquals(1, denied.getTotal());
        PartyClaim item = denied.getItems().get(0);
        assertEquals(claim.getId(), item.getClaimId());
        assertEquals(Position.DENIED, item.getPosition());
        assertEquals(Stance.DENIES, item.getLatestResponse().getStance());
        assertEquals("The coalition denied that its jet fired first", item.getLatestResponse().getQuote());
        assertNull(item.getIncident());
        assertEquals(0, positions.listPartyClaims(PositionsApi.APIListPartyClaimsRequest.newBuilder()
                .id(coalition.getId()).status(Position.DENIED).asOf(day.minusDays(1)).build()).getTotal());

        ApiException refused = assertThrows(ApiException.class, () -> new OutletsApi(client(Logins.viewerToken()))
                .createOutlet(new OutletRequest().name("Viewer " + marker).kind(OutletKind.BLOG)));
        assertEquals(403, refused.getCode());
        assertTrue(refused.getResponseBody().contains("\"status\":403"), refused.getResponseBody());
    }

    @Test
    void theClientWasGeneratedFromTheDescriptionTheTrackerServes() throws Exception {
        JsonNode served = JSON.readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        JsonNode built = JSON.readTree(Files.readString(Path.of("target", "client-description", "openapi.json")));
        assertEquals(built, served);
    }
}
