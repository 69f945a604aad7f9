package org.claimtracker.response;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.util.List;
import org.claimtracker.article.ArticleService;
import org.claimtracker.article.Quoted;
import org.claimtracker.claim.Claim;
import org.claimtracker.core.RecordService;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Dates;
import org.claimtracker.core.Filter;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.PlainFields;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.party.Party;

@ApplicationScoped
@Transactional
public class ResponseService extends RecordService<ClaimResponse, ResponseDetail, ResponseRequest> {

    private static final String FETCH_ALL = "select r from ClaimResponse r join fetch r.claim join fetch r.party"
            + " left join fetch r.speaker join fetch r.passage.article a join fetch a.outlet"
            + " left join fetch r.counterClaim";

    /**
     * The request's components this service (and ResponseInsert) resolve, check or place themselves; every
     * other one is plain, stored in the column of its name as it comes (core/PlainFields).
     */
    static final String[] BY_HAND = {"ref", "claimId", "partyId", "speakerId", "source", "counterClaimId"};

    @Inject
    ArticleService articles;

    public ResponseService() {
        super(ClaimResponse.class, ClaimResponse::new, "response", ResponseRequest::of);
    }

    public record ListFilter(String ref, Long claimId, Long partyId, Stance stance, LocalDate from, LocalDate to) {
    }

    @Transactional(TxType.SUPPORTS)
    public Page<ResponseDetail> list(ListFilter f, PageParams page) {
        Filter filter = new Filter()
                .equal("r.ref", f.ref())
                .equal("r.claim.id", f.claimId())
                .equal("r.party.id", f.partyId())
                .equal("r.stance", f.stance())
                .between("r.statedOn", f.from(), f.to());
        return filter.paged(em, "from ClaimResponse r", FETCH_ALL, "r.statedOn desc, r.id desc", ClaimResponse.class, page)
                .map(ResponseDetail::of);
    }

    @Transactional(TxType.SUPPORTS)
    public ResponseDetail get(long id) {
        return em.createQuery(FETCH_ALL + " where r.id = :id", ClaimResponse.class)
                .setParameter("id", id)
                .getResultStream().findFirst()
                .map(ResponseDetail::of)
                .orElseThrow(() -> ApiProblem.notFound("response", id));
    }

    /** The claim's responses stated on or before {@code asOf} (all when null), oldest first. */
    @Transactional(TxType.SUPPORTS)
    public List<ResponseDetail> forClaim(long claimId, LocalDate asOf) {
        return em.createQuery(FETCH_ALL + " where r.claim.id = :claimId and r.statedOn <= :asOf"
                        + " order by r.statedOn, r.id", ClaimResponse.class)
                .setParameter("claimId", claimId)
                .setParameter("asOf", Dates.orNoLimit(asOf))
                .getResultStream().map(ResponseDetail::of).toList();
    }

    /** A new response in one statement ({@link ResponseInsert}), when it is sound. */
    @Override
    protected ResponseDetail insertAtOnce(ResponseRequest request) {
        Dates.checkPlausible("statedOn", request.statedOn());
        return ResponseInsert.insert(em, request);
    }

    @Override
    protected ResponseDetail answer(ClaimResponse response) {
        return get(response.id);
    }

    @Override
    protected void apply(ClaimResponse response, ResponseRequest request) {
        Dates.checkPlausible("statedOn", request.statedOn());
        String ref = Lookup.trimToNull(request.ref());
        checkUnique(response, "ref", ref);
        Claim claim = Lookup.reference(em, Claim.class, request.claimId(), "claimId", "claim");
        Party party = Lookup.reference(em, Party.class, request.partyId(), "partyId", "party");
        Party speaker = Lookup.reference(em, Party.class, request.speakerId(), "speakerId", "party");
        Claim counterClaim = Lookup.reference(em, Claim.class, request.counterClaimId(), "counterClaimId", "claim");
        if (counterClaim == claim) {
            throw ApiProblem.invalid("counterClaimId", "A response cannot name the claim it answers as its counter-claim");
        }
        if (request.statedOn().isBefore(claim.statedOn)) {
            throw ApiProblem.invalid("statedOn", "The claim was stated on " + claim.statedOn
                    + "; a response to it cannot be earlier");
        }
        Quoted quoted = articles.verify(request.source(), "source");
        if (quoted.article().publishedOn.isBefore(request.statedOn())) {
            throw ApiProblem.invalid("statedOn", "The response cannot have been stated after its source article was published on "
                    + quoted.article().publishedOn);
        }
        // Plain fields (stance, statedOn, note, ...) are copied by name, text stripped.
        PlainFields.copy(request, response, BY_HAND);
        response.ref = ref;
        response.claim = claim;
        response.party = party;
        response.speaker = speaker;
        response.passage = quoted.passage();
        response.counterClaim = counterClaim;
    }
}
