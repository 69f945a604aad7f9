package org.claimtracker.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimtracker.article.QuoteView;
import org.claimtracker.claim.Claim;
import org.claimtracker.claim.ClaimSource;
import org.claimtracker.claim.ClaimSummary;
import org.claimtracker.core.RecordService;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Dates;
import org.claimtracker.core.Filter;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.PlainFields;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.response.ClaimResponse;
import org.claimtracker.core.Suggestion;

@ApplicationScoped
@Transactional
public class IncidentService extends RecordService<Incident, IncidentSummary, IncidentRequest> {

    public IncidentService() {
        super(Incident.class, Incident::new, "incident", IncidentRequest::of);
    }

    public record ListFilter(String ref, String q, LocalDate from, LocalDate to, DatePrecision precision) {

        /** The incidents whose title or place contains {@code q}. */
        public static ListFilter text(String q) {
            return new ListFilter(null, q, null, null, null);
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Page<IncidentSummary> list(ListFilter f, PageParams page) {
        Filter filter = new Filter()
                .equal("i.ref", f.ref())
                .andContains("(lower(i.title) like :q escape '!' or lower(i.place) like :q escape '!')", "q", f.q())
                .and("coalesce(i.occurredUntil, i.occurredOn) >= :from", "from", f.from())
                .and("i.occurredOn <= :to", "to", f.to())
                .equal("i.precision", f.precision());
        Page<Incident> incidents = filter.paged(em, "from Incident i", "select i from Incident i",
                "i.occurredOn desc nulls last, i.id desc", Incident.class, page);
        Map<Long, Long> counts = claimCounts(incidents.items().stream().map(i -> i.id).toList());
        return incidents.map(i -> IncidentSummary.of(i, counts.getOrDefault(i.id, 0L)));
    }

    /** The incident, its claims, and one timeline of every claim and response about it. */
    @Transactional(TxType.SUPPORTS)
    public IncidentDetail get(long id) {
        Incident incident = Lookup.require(em, Incident.class, id, "incident");
        List<Claim> claims = em.createQuery("select c from Claim c join fetch c.claimant left join fetch c.addressedParty"
                        + " where c.incident = :incident order by c.statedOn, c.id", Claim.class)
                .setParameter("incident", incident)
                .getResultList();
        Map<Long, List<QuoteView>> sources = new HashMap<>();
        em.createQuery("select s from ClaimSource s join fetch s.passage.article a join fetch a.outlet"
                        + " where s.claim.incident = :incident order by s.id", ClaimSource.class)
                .setParameter("incident", incident)
                .getResultList()
                .forEach(s -> sources.computeIfAbsent(s.claim.id, k -> new ArrayList<>()).add(QuoteView.of(s.passage)));
        List<ClaimResponse> responses = em.createQuery("select r from ClaimResponse r join fetch r.party"
                        + " join fetch r.passage.article a join fetch a.outlet left join fetch r.counterClaim"
                        + " where r.claim.incident = :incident order by r.statedOn, r.id", ClaimResponse.class)
                .setParameter("incident", incident)
                .getResultList();

        List<TimelineEntry> timeline = new ArrayList<>();
        for (Claim c : claims) {
            timeline.add(TimelineEntry.of(c, sources.getOrDefault(c.id, List.of())));
        }
        for (ClaimResponse r : responses) {
            timeline.add(TimelineEntry.of(r));
        }
        timeline.sort(Comparator.comparing(TimelineEntry::date)
                .thenComparing(TimelineEntry::type)
                .thenComparing(e -> e.claim().id())
                .thenComparing(e -> e.responseId() == null ? 0L : e.responseId()));

        return IncidentDetail.of(incident, claims.stream().map(ClaimSummary::of).toList(), timeline);
    }

    /** Incidents whose title or place contains {@code q}, for typeahead inputs. */
    @Transactional(TxType.SUPPORTS)
    public List<Suggestion> suggest(String q, int limit) {
        return Suggestion.of(list(ListFilter.text(q), new PageParams(0, limit)).items(), IncidentSummary::title,
                IncidentSummary::id, i -> (i.occurredOn() == null ? "undated" : i.occurredOn().toString())
                        + (i.place() == null ? "" : ", " + i.place()));
    }

    @Override
    protected IncidentSummary answer(Incident incident) {
        return IncidentSummary.of(incident, claimCounts(List.of(incident.id)).getOrDefault(incident.id, 0L));
    }

    @Override
    protected void apply(Incident incident, IncidentRequest request) {
        Dates.checkPlausible("occurredOn", request.occurredOn());
        Dates.checkPlausible("occurredUntil", request.occurredUntil());
        String ref = Lookup.trimToNull(request.ref());
        checkUnique(incident, "ref", ref);
        DatePrecision precision = precisionOf(request);
        if ((request.latitude() == null) != (request.longitude() == null)) {
            throw ApiProblem.invalid(request.latitude() == null ? "latitude" : "longitude",
                    "latitude and longitude are given together or not at all");
        }
        PlainFields.copy(request, incident, "ref", "title", "precision");
        incident.ref = ref;
        incident.title = request.title().strip();
        incident.precision = precision;
    }

    private static DatePrecision precisionOf(IncidentRequest request) {
        LocalDate on = request.occurredOn();
        LocalDate until = request.occurredUntil();
        DatePrecision precision = request.precision();
        if (precision == null) {
            precision = on == null ? DatePrecision.unknown : until != null ? DatePrecision.range : DatePrecision.day;
        }
        if (precision == DatePrecision.unknown && on != null) {
            throw ApiProblem.invalid("precision", "precision 'unknown' cannot go with a date in occurredOn");
        }
        if (precision != DatePrecision.unknown && on == null) {
            throw ApiProblem.invalid("occurredOn", "occurredOn is needed for precision '" + precision + "'");
        }
        if (precision == DatePrecision.range && until == null) {
            throw ApiProblem.invalid("occurredUntil", "occurredUntil is needed for precision 'range'");
        }
        if (precision != DatePrecision.range && until != null) {
            throw ApiProblem.invalid("occurredUntil", "occurredUntil goes only with precision 'range'");
        }
        if (until != null && until.isBefore(on)) {
            throw ApiProblem.invalid("occurredUntil", "occurredUntil must not be before occurredOn");
        }
        return precision;
    }

    private Map<Long, Long> claimCounts(List<Long> incidentIds) {
        return Lookup.countsBy(em, "select c.incident.id, count(c) from Claim c where c.incident.id in :ids"
                + " group by c.incident.id", incidentIds);
    }
}
