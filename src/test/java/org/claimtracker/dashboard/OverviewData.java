package org.claimtracker.dashboard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.claimtracker.support.Fixtures;

/**
 * A small world the overview tests build, in a ten-day window of its own (a random one in 1950 to
 * 1990, where neither the seeds nor other tests put claims), so that filtering on the window gives
 * exactly these records whatever else the database holds:
 * <ul>
 * <li>claims: A accuses B three times (B denies one, confirms one, leaves one), A accuses C once (C
 * denies), C accuses B twice (unanswered), C threatens A once (kind threat): 4 cells, 7 claims;</li>
 * <li>incidents with coordinates: the market (A against B, 400 casualties claimed, denied), the
 * bridge (A and C against B, 25 and no figure; B confirmed A's and left C's open: positions differ), the
 * depot (no claim): 3 marks.</li>
 * </ul>
 */
final class OverviewData {

    final LocalDate from;
    final LocalDate to;
    final String nameA = Fixtures.unique("<script>alert('A')</script> Republic");
    final String nameB = Fixtures.unique("Kingdom");
    final long a;
    final long b;
    final long c;
    final long abDenied;
    final long abConfirmed;
    final long abOpen;
    final long ac;
    final long market;
    final long bridge;
    final long depot;
    final String depotTitle = Fixtures.unique("<script>document.title='owned'</script> depot");

    OverviewData() {
        from = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 365 * 40));
        to = from.plusDays(9);
        LocalDate day = from.plusDays(2);
        String quote = "jets struck the market";
        long article = Fixtures.article("Officials said " + quote + " and the bridge. The ministry denied it.", to);
        a = Fixtures.created("/api/parties", Map.of("name", nameA, "kind", "state"));
        b = Fixtures.created("/api/parties", Map.of("name", nameB, "kind", "state"));
        c = Fixtures.state("Federation");
        market = incident("Market strike", 36.2, 37.15, day);
        bridge = incident("Bridge strike", 35.95, 39.0, day.plusDays(1));
        depot = incidentNamed(depotTitle, 33.5, 36.3, day.plusDays(2));

        abDenied = claim(a, b, article, quote, day, market, 400, "attack_attribution");
        abConfirmed = claim(a, b, article, quote, day, bridge, 25, "attack_attribution");
        abOpen = claim(a, b, article, quote, day.plusDays(1), null, null, "attack_attribution");
        ac = claim(a, c, article, quote, day.plusDays(1), null, null, "attack_attribution");
        claim(c, b, article, quote, day.plusDays(2), bridge, null, "attack_attribution");
        claim(c, b, article, quote, day.plusDays(3), null, null, "attack_attribution");
        claim(c, a, article, quote, day.plusDays(3), null, null, "threat");
        Fixtures.response(abDenied, b, "denies", day.plusDays(3), article, "The ministry denied it");
        Fixtures.response(abConfirmed, b, "confirms", day.plusDays(3), article, "The ministry denied it");
        Fixtures.response(ac, c, "denies", day.plusDays(3), article, "The ministry denied it");
    }

    private static long incident(String base, double lat, double lon, LocalDate on) {
        return incidentNamed(Fixtures.unique(base), lat, lon, on);
    }

    private static long incidentNamed(String title, double lat, double lon, LocalDate on) {
        return Fixtures.created("/api/incidents", Map.of("title", title, "occurredOn", on.toString(), "place", "Town T",
                "latitude", lat, "longitude", lon));
    }

    private static long claim(long claimant, long accused, long article, String quote, LocalDate on, Long incident,
            Integer casualties, String kind) {
        Map<String, Object> body = new HashMap<>(Fixtures.claimBody(claimant, accused, article, quote, on));
        body.put("kind", kind);
        if (incident != null) {
            body.put("incidentId", incident);
        }
        if (casualties != null) {
            body.put("casualtiesLow", casualties / 2);
            body.put("casualtiesHigh", casualties);
        }
        return Fixtures.created("/api/claims", body);
    }

    /** The query string of the window. */
    String window() {
        return "from=" + from + "&to=" + to;
    }
}
