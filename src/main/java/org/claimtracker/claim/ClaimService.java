package org.claimtracker.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimtracker.article.ArticleService;
import org.claimtracker.article.Quoted;
import org.claimtracker.core.RecordService;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Dates;
import org.claimtracker.core.Filter;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.PlainFields;
import org.claimtracker.incident.Incident;
import org.claimtracker.party.Party;
import org.claimtracker.position.PositionService;
import org.claimtracker.response.ClaimResponse;
import org.claimtracker.response.ResponseService;
import org.claimtracker.core.SqlJson;
import org.claimtracker.core.Suggestion;
import org.jboss.logging.Logger;

@ApplicationScoped
@Transactional
public class ClaimService extends RecordService<Claim, ClaimDetail, ClaimRequest> {

    /**
     * The request's components this service (and ClaimInsert) resolve, check or default themselves; every
     * other one is plain, stored in the column of its name as it comes (core/PlainFields).
     */
    static final String[] BY_HAND = {"ref", "claimantId", "speakerId", "addressedPartyId", "proposition", "incidentId",
            "grading", "sources"};

    @Inject
    ArticleService articles;

    @Inject
    ResponseService responses;

    @Inject
    PositionService positions;

    @Inject
    ObjectMapper mapper;

    private static final Logger LOG = Logger.getLogger(ClaimService.class);

    /** See {@link #checkJson}. */
    private boolean sqlWritesAsJackson;

    public ClaimService() {
        super(Claim.class, Claim::new, "claim", ClaimRequest::of);
    }

    /**
     * {@code q}: text the proposition contains (what a typeahead matches as it is typed); {@code words}:
     * words of the proposition or grading note as search reads them (the API list's q).
     */
    public record ListFilter(String ref, Long claimantId, Long addressedPartyId, Long incidentId, ClaimKind kind,
            Grading grading, LocalDate from, LocalDate to, String q, String words) {

        /** Every claim. */
        public static ListFilter none() {
            return new ListFilter(null, null, null, null, null, null, null, null, null, null);
        }

        /** The claims whose proposition contains {@code q}. */
        public static ListFilter text(String q) {
            return new ListFilter(null, null, null, null, null, null, null, null, q, null);
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Page<ClaimSummary> list(ListFilter f, PageParams page) {
        Filter filter = new Filter()
                .between("c.statedOn", f.from(), f.to())
                .equal("c.ref", f.ref())
                .equal("c.claimant.id", f.claimantId())
                .equal("c.addressedParty.id", f.addressedPartyId())
                .equal("c.incident.id", f.incidentId())
                .equal("c.kind", f.kind())
                .equal("c.grading", f.grading())
                .andContains("lower(c.proposition) like :q escape '!'", "q", f.q())
                .and("function('tracker_matches', c.searchVector, :words) = true", "words", f.words());
        return filter.paged(em, "from Claim c", "select c from Claim c join fetch c.claimant"
                + " left join fetch c.addressedParty left join fetch c.incident", "c.statedOn desc, c.id desc", Claim.class,
                page).map(ClaimSummary::of);
    }

    @Transactional(TxType.SUPPORTS)
    public ClaimDetail get(long id, LocalDate asOf) {
        Claim claim = em.createQuery("select c from Claim c join fetch c.claimant left join fetch c.speaker"
                        + " left join fetch c.addressedParty left join fetch c.incident where c.id = :id", Claim.class)
                .setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("claim", id));
        return detail(claim, asOf);
    }

    /**
     * The claim as GET /api/claims/{id} answers it, written by PostgreSQL in one statement
     * ({@link ClaimJson}): the JSON Jackson would write for {@link #get}'s answer, and the version.
     */
    @Transactional(TxType.SUPPORTS)
    ClaimJson.Written json(long id, LocalDate asOf) {
        if (sqlWritesAsJackson) {
            return ClaimJson.read(em, id, asOf);
        }
        ClaimDetail claim = get(id, asOf);
        try {
            return new ClaimJson.Written(claim.version(), mapper.writeValueAsBytes(claim));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A claim that Jackson cannot write", e);
        }
    }

    /** Whether the SQL's JSON is the application's Jackson's (as configured here); else GET goes through Jackson. */
    @PostConstruct
    void checkJson() {
        sqlWritesAsJackson = SqlJson.writesAsJackson(mapper);
        if (!sqlWritesAsJackson) {
            LOG.warn("The JSON settings differ from what ClaimJson writes (dates at UTC, nulls present):"
                    + " GET /api/claims/{id} is answered through the entities and Jackson");
        }
    }

    /** Claims whose proposition contains {@code q}, most recent first, for typeahead inputs. */
    @Transactional(TxType.SUPPORTS)
    public List<Suggestion> suggest(String q, int limit) {
        return Suggestion.of(list(ListFilter.text(q), new PageParams(0, limit)).items(), c -> shorten(c.proposition()),
                ClaimSummary::id, c -> c.claimant().name() + ", " + c.statedOn());
    }

    public static String shorten(String text) {
        return text.length() <= 90 ? text : text.substring(0, 89) + "…";
    }

    /** A new claim with its sources in one statement ({@link ClaimInsert}), when it is sound. */
    @Override
    protected ClaimDetail insertAtOnce(ClaimRequest request) {
        Dates.checkPlausible("statedOn", request.statedOn());
        return Casualties.inOrder(request.casualtiesLow(), request.casualtiesHigh()) ? ClaimInsert.insert(em, request) : null;
    }

    @Override
    protected ClaimDetail answer(Claim claim) {
        return get(claim.id, null);
    }

    /** A claim with responses is not deleted, so that no response is lost by accident. */
    @Override
    protected void checkDelete(Claim claim) {
        long answered = em.createQuery("select count(r) from ClaimResponse r where r.claim = :claim", Long.class)
                .setParameter("claim", claim).getSingleResult();
        if (answered > 0) {
            throw ApiProblem.conflict(null, "The claim has " + answered
                    + " response(s); delete them first, so that no response is lost by accident");
        }
    }

    @Override
    protected void apply(Claim claim, ClaimRequest request) {
        Dates.checkPlausible("statedOn", request.statedOn());
        String ref = Lookup.trimToNull(request.ref());
        checkUnique(claim, "ref", ref);
        if (!Casualties.inOrder(request.casualtiesLow(), request.casualtiesHigh())) {
            throw ApiProblem.invalid(Casualties.FIELD, Casualties.FIELD + " " + Casualties.RULE);
        }
        Party claimant = Lookup.reference(em, Party.class, request.claimantId(), "claimantId", "party");
        Party speaker = Lookup.reference(em, Party.class, request.speakerId(), "speakerId", "party");
        Party addressed = Lookup.reference(em, Party.class, request.addressedPartyId(), "addressedPartyId", "party");
        Incident incident = Lookup.reference(em, Incident.class, request.incidentId(), "incidentId", "incident");
        List<Quoted> quoted = verifySources(request);
        if (claim.id != null) {
            LocalDate earliestResponse = em.createQuery("select min(r.statedOn) from ClaimResponse r where r.claim = :claim",
                            LocalDate.class)
                    .setParameter("claim", claim).getSingleResult();
            if (earliestResponse != null && earliestResponse.isBefore(request.statedOn())) {
                throw ApiProblem.invalid("statedOn", "A response to this claim was stated on " + earliestResponse
                        + "; the claim cannot have been stated later");
            }
        }
        // Plain fields (kind, statedOn, casualties, gradingNote, ...) are copied by name, text stripped.
        PlainFields.copy(request, claim, BY_HAND);
        claim.ref = ref;
        claim.claimant = claimant;
        claim.speaker = speaker;
        claim.addressedParty = addressed;
        claim.proposition = request.proposition().strip();
        claim.incident = incident;
        claim.grading = request.grading() == null ? Grading.unassessed : request.grading();
        replaceSources(claim, quoted);
    }

    private List<Quoted> verifySources(ClaimRequest request) {
        List<Quoted> quoted = new ArrayList<>();
        for (int i = 0; i < request.sources().size(); i++) {
            String field = "sources[" + i + "]";
            Quoted q = articles.verify(request.sources().get(i), field);
            if (q.article().publishedOn.isBefore(request.statedOn())) {
                throw ApiProblem.invalid("statedOn", "The claim cannot have been stated after its source article ("
                        + field + ") was published on " + q.article().publishedOn);
            }
            for (Quoted earlier : quoted) {
                if (earlier.article() == q.article() && earlier.start() == q.start() && earlier.end() == q.end()) {
                    throw ApiProblem.invalid(field, "The same passage is given twice");
                }
            }
            quoted.add(q);
        }
        return quoted;
    }

    /** Keeps the sources that are still given (same article and offsets), drops the rest, adds the new. */
    private static void replaceSources(Claim claim, List<Quoted> wanted) {
        List<Quoted> toAdd = new ArrayList<>(wanted);
        claim.sources.removeIf(existing -> toAdd.stream().noneMatch(
                q -> existing.passage.isAt(q.article(), q.start(), q.end())));
        toAdd.removeIf(q -> claim.sources.stream().anyMatch(
                existing -> existing.passage.isAt(q.article(), q.start(), q.end())));
        for (Quoted q : toAdd) {
            claim.sources.add(new ClaimSource(claim, q.passage()));
        }
    }

    private ClaimDetail detail(Claim claim, LocalDate asOf) {
        List<SourceView> sources = em.createQuery("select s from ClaimSource s"
                        + " join fetch s.passage.article a join fetch a.outlet where s.claim = :claim order by s.id",
                        ClaimSource.class)
                .setParameter("claim", claim)
                .getResultStream()
                .map(SourceView::of)
                .toList();
        List<ClaimDetail.CounterClaimOf> madeInResponseTo = em.createQuery("select r from ClaimResponse r"
                        + " join fetch r.claim join fetch r.party where r.counterClaim = :claim order by r.statedOn, r.id",
                        ClaimResponse.class)
                .setParameter("claim", claim)
                .getResultStream()
                .map(ClaimDetail.CounterClaimOf::of)
                .toList();
        return ClaimDetail.of(claim, sources, responses.forClaim(claim.id, asOf), positions.positionsOn(claim.id, asOf),
                madeInResponseTo, asOf);
    }
}
