package org.claimtracker.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimtracker.article.QuoteView;
import org.claimtracker.core.Ref;
import org.claimtracker.picture.Palette;
import org.claimtracker.picture.Svg;
import org.claimtracker.picture.TimelineChart;

/**
 * The incident's timeline as a picture: a lane per party, a square for each claim made, a circle
 * for each response coloured by its stance, arrows from a response to the claim it answers and from
 * a counter-attribution to its new claim (when that claim is about this incident too).
 */
final class IncidentTimeline {

    static final String ID = "incident-timeline";

    private IncidentTimeline() {
    }

    /**
     * The SVG of the incident's timeline, or an empty text when it has no events. {@code base} is put
     * before the links ("" in the page, the tracker's address in a downloaded file).
     */
    static String svg(IncidentDetail incident, String base, boolean standalone) {
        List<TimelineEntry> timeline = incident.timeline();
        if (timeline.isEmpty()) {
            return "";
        }
        Map<String, Long> laneOwner = new HashMap<>();
        Set<String> clashing = new HashSet<>();
        for (TimelineEntry e : timeline) {
            Long owner = laneOwner.putIfAbsent(e.party().name(), e.party().id());
            if (owner != null && owner != e.party().id()) {
                clashing.add(e.party().name());
            }
        }
        List<TimelineChart.Mark> marks = new ArrayList<>();
        List<TimelineChart.Arrow> arrows = new ArrayList<>();
        long claims = 0;
        for (TimelineEntry e : timeline) {
            String lane = clashing.contains(e.party().name()) ? e.party().name() + " (#" + e.party().id() + ")" : e.party().name();
            if (e.type() == TimelineEntry.Type.claim) {
                claims++;
                marks.add(new TimelineChart.Mark("claim-" + e.claim().id(), e.date(), lane, Palette.CLAIM,
                        base + "/admin/claims/" + e.claim().id(), e.date() + ": " + e.party().name() + " claims"
                                + against(e.addressedParty()) + ": " + e.claim().proposition() + quote(e.sources())));
            } else {
                Palette style = Palette.of(e.stance());
                String key = "response-" + e.responseId();
                marks.add(new TimelineChart.Mark(key, e.date(), lane, style,
                        base + "/admin/claims/" + e.claim().id() + "#response-" + e.responseId(),
                        e.date() + ": " + e.party().name() + " " + style.label + ": " + e.claim().proposition()
                                + (e.counterClaim() == null ? "" : "; claims instead: " + e.counterClaim().proposition())
                                + quote(e.sources())));
                arrows.add(new TimelineChart.Arrow(key, "claim-" + e.claim().id(), false));
                if (e.counterClaim() != null) {
                    arrows.add(new TimelineChart.Arrow(key, "claim-" + e.counterClaim().id(), true));
                }
            }
        }
        long parties = marks.stream().map(TimelineChart.Mark::lane).distinct().count();
        String title = "Timeline of " + incident.title();
        String description = claims + (claims == 1 ? " claim" : " claims") + " and " + (marks.size() - claims)
                + (marks.size() - claims == 1 ? " response" : " responses") + " by " + parties + (parties == 1 ? " party" : " parties")
                + ", from " + timeline.get(0).date() + " to " + timeline.get(timeline.size() - 1).date()
                + ". One lane per party; claims are squares, responses circles lettered and coloured by stance;"
                + " arrows join a response to the claim it answers. The same events are listed as text below the picture.";
        return TimelineChart.render(ID, title, description, marks, arrows, standalone);
    }

    private static String against(Ref addressed) {
        return addressed == null ? "" : " against " + addressed.name();
    }

    private static String quote(List<QuoteView> sources) {
        return sources.isEmpty() ? "" : " — “" + Svg.shorten(sources.get(0).quote(), 280) + "”";
    }
}
