package org.claimtracker.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimtracker.core.Actors;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Problem;
import org.claimtracker.core.ProblemTypes;
import org.claimtracker.core.TrackerConfig;
import org.jetbrains.annotations.Nullable;

/**
 * Quote candidates: annotations imported from annotation tools, resolved against the stored
 * articles (by URL, or by the tracker's own article IRI) and kept until an analyst records a claim
 * from them or dismisses them. An import stores every annotation that resolves and reports every
 * one that does not; when none resolves it stores nothing and is refused (422).
 */
@ApplicationScoped
@Transactional
public class CandidateService {

    /** A refused import: nothing resolved, so nothing was stored; the problem lists every annotation. */
    public static final class NothingResolved extends RuntimeException {

        private static final int LISTED = 1000;

        private final transient ImportResult result;

        NothingResolved(ImportResult result) {
            super("no annotation resolved", null, false, false);
            this.result = result;
        }

        public ImportResult result() {
            return result;
        }

        public Problem problem() {
            // A problem lists at most LISTED errors (as the API description bounds it); the detail says when there were more.
            List<Problem.FieldError> errors = result.outcomes().stream().limit(LISTED)
                    .map(o -> new Problem.FieldError(o.field(), o.reason() + ": " + o.detail())).toList();
            ImportOutcome first = result.outcomes().get(0);
            return new Problem(ProblemTypes.forStatus(422), "No annotation resolved", 422, "None of the " + result.received()
                    + " annotations resolves in a stored article, so nothing was imported"
                    + (result.outcomes().size() > LISTED ? " (the first " + LISTED + " are listed)" : "") + ". "
                    + first.field() + ": " + first.detail(), first.field(), errors);
        }
    }

    private record Stored(long id, @Nullable String url, String body) {
    }

    @Inject
    EntityManager em;

    @Inject
    TrackerConfig config;

    /**
     * Resolves and stores the annotations of a document. The tracker's own article IRIs
     * ({@code /admin/articles/{id}}, {@code /api/articles/{id}}) name articles too: under
     * TRACKER_PUBLIC_URL, as the tracker exports them, or under {@code requestBase}, the address the
     * request reached the tracker by.
     */
    public ImportResult importDocument(JsonNode document, String requestBase) {
        List<String> base = List.of(withSlash(config.claimReview().publicUrl()), withSlash(requestBase));
        List<AnnotationDocument.Read> read = AnnotationDocument.read(document);
        Map<String, Stored> articles = articlesFor(read, base);
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (AnnotationDocument.Read one : read) {
            outcomes.add(resolve(one, articles, base));
        }
        long resolved = outcomes.stream().filter(ImportOutcome::resolved).count();
        if (resolved == 0) {
            throw new NothingResolved(new ImportResult(read.size(), 0, read.size(), outcomes));
        }
        String actor = Actors.current();
        List<ImportOutcome> stored = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ImportOutcome o = outcomes.get(i);
            stored.add(o.resolved() ? store(o, read.get(i), actor) : o);
        }
        return new ImportResult(read.size(), (int) resolved, read.size() - (int) resolved, stored);
    }

    private ImportOutcome resolve(AnnotationDocument.Read one, Map<String, Stored> articles, List<String> base) {
        if (one.problem() != null) {
            return ImportOutcome.unresolved(one.field(), one.id(), "no_target", one.problem());
        }
        Stored article = articles.get(one.source());
        if (article == null) {
            article = articles.get(withoutFragment(one.source()));
        }
        if (article == null) {
            Long own = ownArticle(one.source(), base);
            return ImportOutcome.unresolved(one.field(), one.id(), "unknown_article", own != null
                    ? "No article with id " + own + " in this tracker"
                    : "No stored article has the URL " + shorten(one.source()));
        }
        PassageFinder.Found found = PassageFinder.find(article.body(), one.quote(), one.position());
        if (!found.resolved()) {
            return ImportOutcome.unresolved(one.field(), one.id(), found.reason(), found.detail());
        }
        return new ImportOutcome(one.field(), one.id(), true, found.reason(), found.detail(), null, false, article.id(),
                found.start(), found.end(), found.exact());
    }

    private ImportOutcome store(ImportOutcome o, AnnotationDocument.Read read, String actor) {
        @SuppressWarnings("unchecked")
        List<Object> made = em.createNativeQuery("insert into annotation_candidate (article_id, quote, quote_start, quote_end,"
                        + " note, origin, created_by) values (:article, :quote, :start, :end, :note, :origin, :actor)"
                        + " on conflict on constraint annotation_candidate_key do nothing returning id")
                .setParameter("article", o.articleId()).setParameter("quote", o.exact()).setParameter("start", o.start())
                .setParameter("end", o.end()).setParameter("note", read.note()).setParameter("origin", read.id())
                .setParameter("actor", actor).getResultList();
        boolean before = made.isEmpty();
        long id = before ? ((Number) em.createNativeQuery("select id from annotation_candidate where article_id = :article"
                        + " and quote_start = :start and quote_end = :end").setParameter("article", o.articleId())
                .setParameter("start", o.start()).setParameter("end", o.end()).getSingleResult()).longValue()
                : ((Number) made.get(0)).longValue();
        return new ImportOutcome(o.field(), o.annotation(), true, o.reason(), before ? o.detail() + "; listed before"
                : o.detail(), id, before, o.articleId(), o.start(), o.end(), o.exact());
    }

    /** The stored articles the annotations name, by URL (with and without a fragment) or by the tracker's own IRI. */
    private Map<String, Stored> articlesFor(List<AnnotationDocument.Read> read, List<String> base) {
        Set<String> urls = new LinkedHashSet<>();
        Map<Long, List<String>> ids = new HashMap<>();
        for (AnnotationDocument.Read one : read) {
            if (one.source() == null) {
                continue;
            }
            Long own = ownArticle(one.source(), base);
            if (own != null) {
                ids.computeIfAbsent(own, k -> new ArrayList<>()).add(one.source());
            } else if (one.source().length() <= 2000) {
                urls.add(one.source());
                urls.add(withoutFragment(one.source()));
            }
        }
        Map<String, Stored> found = new HashMap<>();
        if (!urls.isEmpty()) {
            for (Stored s : stored(em.createNativeQuery("select id, url, body from article where url in (:urls)")
                    .setParameter("urls", urls).getResultList())) {
                found.put(s.url(), s);
            }
        }
        if (!ids.isEmpty()) {
            for (Stored s : stored(em.createNativeQuery("select id, url, body from article where id in (:ids)")
                    .setParameter("ids", ids.keySet()).getResultList())) {
                ids.get(s.id()).forEach(iri -> found.put(iri, s));
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static List<Stored> stored(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(r -> new Stored(((Number) r[0]).longValue(), (String) r[1], (String) r[2]))
                .toList();
    }

    private static final Pattern OWN = Pattern.compile("(?:admin|api)/articles/([0-9]{1,18})/?(?:#.*)?");

    /** The article id of one of the tracker's own article IRIs (under one of its addresses), or null. */
    static @Nullable Long ownArticle(String iri, List<String> bases) {
        for (String base : bases) {
            if (iri.startsWith(base)) {
                Matcher m = OWN.matcher(iri.substring(base.length()));
                if (m.matches()) {
                    return Long.valueOf(m.group(1));
                }
            }
        }
        return null;
    }

    private static String withSlash(String address) {
        return address.endsWith("/") ? address : address + "/";
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** The candidates of an article still to be recorded, in text order, for its reader. */
    @Transactional(TxType.SUPPORTS)
    public List<CandidateView> of(long articleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, article_id, quote, quote_start, quote_end, note, origin,"
                        + " created_by, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD HH24\":\"MI') from annotation_candidate"
                        + " c where article_id = :article"
                        // a passage recorded meanwhile (a claim's source or a response at the same place) is done with
                        + " and not exists (select 1 from claim_source s where s.article_id = c.article_id"
                        + " and s.quote_start = c.quote_start and s.quote_end = c.quote_end)"
                        + " and not exists (select 1 from response r where r.article_id = c.article_id"
                        + " and r.quote_start = c.quote_start and r.quote_end = c.quote_end)"
                        + " order by quote_start, quote_end")
                .setParameter("article", articleId).getResultList();
        return rows.stream().map(r -> new CandidateView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), (String) r[5], (String) r[6], (String) r[7],
                (String) r[8])).toList();
    }

    /** Removes a candidate from its article's list; the article it was on, for the way back. */
    public long dismiss(long id) {
        @SuppressWarnings("unchecked")
        List<Object> gone = em.createNativeQuery("delete from annotation_candidate where id = :id returning article_id")
                .setParameter("id", id).getResultList();
        if (gone.isEmpty()) {
            throw ApiProblem.notFound("quote candidate", id);
        }
        return ((Number) gone.get(0)).longValue();
    }
}
