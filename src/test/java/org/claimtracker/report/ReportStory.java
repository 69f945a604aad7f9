package org.claimtracker.report;

import static org.claimtracker.support.Fixtures.created;
import static org.claimtracker.support.Fixtures.unique;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimtracker.support.Fixtures;

/**
 * A small world built through the API for the reporting tests, with every case the views must
 * tell apart. Dates are offsets from {@link #D} (3 May 2019); every article appears on 1 August.
 *
 * <pre>
 * outlets   o1 original, o2 republishes o1 (a copy of o1's story), o3 independent
 * articles  art1 (o1), art2 (o2, republished from o1), art3 (o3), all carrying the same text
 * incident  i1: c1 a->b (D, sources art1 + its copy art2), c2 a->b (D, art1 + art3),
 *               c3 b->e (D+3, art3, the counter-claim of c2)
 *           i2: c4 a->b (D+40), c5 a->b (D+40)           only b blamed, never denied
 *           i3: c6 a->b (D+50)                            b denies
 *           i4: c7 a->e, c8 a->c (D+60)                   two parties blamed, no answer
 * responses c1: b assessing D+1, c confirms D+2 (art3), b denies D+4
 *           c2: b counter_attributes D+3 (counter-claim c3), a retracts D+6
 *           c3: e declines_comment D+5
 *           c4: b assessing D+41 then b confirms D+41 (same day: the later record wins)
 *           c5: a retracts D+45
 *           c6: b denies D+51
 * </pre>
 */
final class ReportStory {

    static final LocalDate D = LocalDate.of(2019, 5, 3);
    static final LocalDate PUBLISHED = LocalDate.of(2019, 8, 1);

    static final String TEXT = "Ministry A says jets of B bombed the market of V. B is assessing the reports."
            + " B denies any involvement. Monitor C confirms the strike. A says B shelled the school of V."
            + " B said it was E that shelled the school. A withdraws the school allegation. E declines to comment."
            + " B confirms its jets flew over V. A says B mined the road to V. B denies mining the road."
            + " A says E and C hid weapons in V.";

    long o1, o2, o3;
    long art1, art2, art3;
    long a, b, c, e;
    long i1, i2, i3, i4;
    long c1, c2, c3, c4, c5, c6, c7, c8;
    String o1Name, o3Name;

    static ReportStory build() {
        ReportStory s = new ReportStory();
        s.o1Name = unique("Origin outlet");
        s.o3Name = unique("Independent outlet");
        s.o1 = created("/api/outlets", Map.of("name", s.o1Name, "kind", "news_site"));
        s.o2 = created("/api/outlets", Map.of("name", unique("Copying blog"), "kind", "blog"));
        s.o3 = created("/api/outlets", Map.of("name", s.o3Name, "kind", "wire_agency"));
        s.art1 = article(s.o1, null);
        s.art2 = article(s.o2, s.o1);
        s.art3 = article(s.o3, null);

        s.a = Fixtures.party("Ministry A", "government_body");
        s.b = Fixtures.state("State B");
        s.c = Fixtures.party("Monitor C", "monitor_ngo");
        s.e = Fixtures.state("State E");
        s.i1 = Fixtures.incident();
        s.i2 = Fixtures.incident();
        s.i3 = Fixtures.incident();
        s.i4 = Fixtures.incident();

        s.c1 = s.claim(s.a, s.b, s.i1, D, "jets of B bombed the market of V", s.art1, s.art2);
        s.c2 = s.claim(s.a, s.b, s.i1, D, "B shelled the school of V", s.art1, s.art3);
        s.c3 = s.claim(s.b, s.e, s.i1, D.plusDays(3), "it was E that shelled the school", s.art3);
        s.c4 = s.claim(s.a, s.b, s.i2, D.plusDays(40), "B confirms its jets flew over V", s.art1);
        s.c5 = s.claim(s.a, s.b, s.i2, D.plusDays(40), "jets of B bombed the market of V", s.art1);
        s.c6 = s.claim(s.a, s.b, s.i3, D.plusDays(50), "B mined the road to V", s.art1);
        s.c7 = s.claim(s.a, s.e, s.i4, D.plusDays(60), "E and C hid weapons in V", s.art1);
        s.c8 = s.claim(s.a, s.c, s.i4, D.plusDays(60), "E and C hid weapons in V", s.art1);

        s.respond(s.c1, s.b, "assessing", 1, "B is assessing the reports.", s.art1);
        s.respond(s.c1, s.c, "confirms", 2, "Monitor C confirms the strike.", s.art3);
        s.respond(s.c1, s.b, "denies", 4, "B denies any involvement.", s.art1);
        Map<String, Object> counter = Fixtures.responseBody(s.c2, s.b, "counter_attributes", D.plusDays(3), s.art1,
                "B said it was E that shelled the school.");
        counter.put("counterClaimId", s.c3);
        created("/api/responses", counter);
        s.respond(s.c2, s.a, "retracts", 6, "A withdraws the school allegation.", s.art1);
        s.respond(s.c3, s.e, "declines_comment", 5, "E declines to comment.", s.art1);
        s.respond(s.c4, s.b, "assessing", 41, "B is assessing the reports.", s.art1);
        s.respond(s.c4, s.b, "confirms", 41, "B confirms its jets flew over V.", s.art1);
        s.respond(s.c5, s.a, "retracts", 45, "A withdraws the school allegation.", s.art1);
        s.respond(s.c6, s.b, "denies", 51, "B denies mining the road.", s.art1);
        return s;
    }

    long[] parties() {
        return new long[] {a, b, c, e};
    }

    long[] claims() {
        return new long[] {c1, c2, c3, c4, c5, c6, c7, c8};
    }

    private static long article(long outlet, Long republishedFrom) {
        Map<String, Object> body = Fixtures.articleBody(outlet, TEXT + "\n\n[" + unique("copy") + "]", PUBLISHED);
        if (republishedFrom != null) {
            body.put("republishedFromOutletId", republishedFrom);
        }
        return created("/api/articles", body);
    }

    private long claim(long claimant, long addressed, long incident, LocalDate statedOn, String quote, long... articles) {
        Map<String, Object> body = Fixtures.claimBody(claimant, addressed, articles[0], quote, statedOn);
        List<Map<String, Object>> sources = new ArrayList<>();
        for (long article : articles) {
            sources.add(Map.of("articleId", article, "quote", quote));
        }
        body.put("sources", sources);
        body.put("incidentId", incident);
        return created("/api/claims", body);
    }

    private void respond(long claim, long party, String stance, int day, String quote, long article) {
        Fixtures.response(claim, party, stance, D.plusDays(day), article, quote);
    }
}
