package org.claimtracker.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.claimtracker.core.RecordService;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Dates;
import org.claimtracker.core.Filter;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Ref;
import org.claimtracker.outlet.Outlet;
import org.jetbrains.annotations.Nullable;
import org.claimtracker.core.Suggestion;

@ApplicationScoped
@Transactional
public class ArticleService extends RecordService<Article, ArticleDetail, ArticleRequest> {

    public ArticleService() {
        super(Article.class, Article::new, "article", ArticleRequest::of);
    }

    /**
     * {@code q}: text the title contains (what a typeahead matches as it is typed); {@code words}: words
     * of the title or text as search reads them (stemmed, phrases, -exclusions: the lists' q).
     */
    public record ListFilter(Long outletId, Long republishedFromOutletId, LocalDate from, LocalDate to, String q,
            String language, String words) {

        /** The articles whose title contains {@code q}. */
        public static ListFilter text(String q) {
            return new ListFilter(null, null, null, null, q, null, null);
        }

        /** The articles of one outlet. */
        public static ListFilter outlet(long outletId) {
            return new ListFilter(outletId, null, null, null, null, null, null);
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Page<ArticleSummary> list(ListFilter f, PageParams page) {
        Filter filter = new Filter()
                .equal("a.outlet.id", f.outletId())
                .equal("a.republishedFrom.id", f.republishedFromOutletId())
                .between("a.publishedOn", f.from(), f.to())
                .equal("a.language", f.language())
                .andContains("lower(a.title) like :q escape '!'", "q", f.q())
                .and("function('tracker_matches', a.searchVector, :words) = true", "words", f.words());
        return filter.paged(em, "from Article a",
                "select a.id, o.id, o.name, a.title, a.authors, a.publishedOn, a.url, a.language, r.id, r.name,"
                        + " length(a.body) from Article a join a.outlet o left join a.republishedFrom r",
                "a.publishedOn desc, a.id desc", SummaryRow.class, page)
                .map(SummaryRow::toSummary);
    }

    @Transactional(TxType.SUPPORTS)
    public ArticleDetail get(long id) {
        return ArticleDetail.of(load(id));
    }

    /** The article with its outlets fetched, for callers that read its text and cite it. */
    @Transactional(TxType.SUPPORTS)
    public Article load(long id) {
        return em.createQuery("select a from Article a join fetch a.outlet left join fetch a.republishedFrom"
                        + " where a.id = :id", Article.class)
                .setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("article", id));
    }

    @Transactional(TxType.SUPPORTS)
    public Article findByContentHash(String hash) {
        return em.createQuery("select a from Article a where a.contentHash = :hash", Article.class)
                .setParameter("hash", hash)
                .getResultStream().findFirst().orElse(null);
    }

    /** Articles whose title contains {@code q}, newest first, for typeahead inputs. */
    @Transactional(TxType.SUPPORTS)
    public List<Suggestion> suggest(String q, int limit) {
        return Suggestion.of(list(ListFilter.text(q), new PageParams(0, limit)).items(), ArticleSummary::title,
                ArticleSummary::id, a -> a.outlet().name() + ", " + a.publishedOn());
    }

    /** A row of {@link #list}: the authors as the column holds them, the outlets as ids and names. */
    record SummaryRow(long id, long outletId, String outletName, String title, String[] authors,
            LocalDate publishedOn, @Nullable String url, String language, @Nullable Long originId,
            @Nullable String originName, int textLength) {

        ArticleSummary toSummary() {
            return new ArticleSummary(id, new Ref(outletId, outletName), title, Arrays.asList(authors), publishedOn,
                    url, language, originId == null ? null : new Ref(originId, originName), textLength);
        }
    }

    /** Every quote recorded from the article, for the reader's highlights. */
    @Transactional(TxType.SUPPORTS)
    public List<QuoteMark> quotesOf(long articleId) {
        List<QuoteMark> marks = new java.util.ArrayList<>(em.createQuery("select 'claim', s.id, s.claim.id,"
                        + " s.passage.quoteStart, s.passage.quoteEnd, 'Claim: ' || s.claim.proposition"
                        + " from ClaimSource s where s.passage.article.id = :id", QuoteMark.class)
                .setParameter("id", articleId).getResultList());
        marks.addAll(em.createQuery("select 'response', r.id, r.claim.id, r.passage.quoteStart, r.passage.quoteEnd,"
                        + " r.party.name || ' ' || replace(cast(r.stance as String), '_', ' ') || ': ' || r.claim.proposition"
                        + " from ClaimResponse r where r.passage.article.id = :id", QuoteMark.class)
                .setParameter("id", articleId).getResultList());
        marks.sort(java.util.Comparator.comparingInt(QuoteMark::start).thenComparing(QuoteMark::kind));
        return marks;
    }

    /**
     * Checks a quote against the stored text of its article. {@code field} is where the quote sits
     * in the request (e.g. {@code sources[1]}), so that failures name it.
     */
    @Transactional(TxType.SUPPORTS)
    public Quoted verify(QuoteRequest request, String field) {
        Article article = em.find(Article.class, request.articleId());
        if (article == null) {
            throw ApiProblem.unknownReference(field + ".articleId", "article", request.articleId());
        }
        String quote = ArticleText.normalise(request.quote());
        ArticleText.Span span = ArticleText.locate(article.body, quote, request.start(), request.end(), null,
                field + ".quote", field + ".start");
        return new Quoted(article, quote, span.start(), span.end());
    }

    @Override
    protected ArticleDetail answer(Article article) {
        return ArticleDetail.of(article);
    }

    @Override
    protected void apply(Article article, ArticleRequest request) {
        Dates.checkPlausible("publishedOn", request.publishedOn());
        String text = ArticleText.normalise(request.text());
        String hash = ArticleText.contentHash(text);
        Article sameText = findByContentHash(hash);
        if (sameText != null && !sameText.id.equals(article.id)) {
            throw ApiProblem.conflict("text", "An article with the same text already exists (id " + sameText.id + ")");
        }
        if (article.id != null && !text.equals(article.body)) {
            checkQuotesSurvive(article, text);
        }
        String url = Lookup.trimToNull(request.url());
        if (url != null) {
            Long sameUrl = em.createQuery("select a.id from Article a where a.url = :url", Long.class)
                    .setParameter("url", url).getResultStream().findFirst().orElse(null);
            if (sameUrl != null && !sameUrl.equals(article.id)) {
                throw ApiProblem.conflict("url", "An article with this URL already exists (id " + sameUrl + ")");
            }
        }
        Outlet outlet = Lookup.reference(em, Outlet.class, request.outletId(), "outletId", "outlet");
        Outlet origin = Lookup.reference(em, Outlet.class, request.republishedFromOutletId(), "republishedFromOutletId",
                "outlet");
        if (origin != null && origin == outlet) {
            throw ApiProblem.invalid("republishedFromOutletId", "An article cannot be republished from its own outlet");
        }
        article.outlet = outlet;
        article.republishedFrom = origin;
        article.title = request.title().strip();
        article.authors = request.authors() == null ? new String[0]
                : request.authors().stream().map(String::strip).distinct().toArray(String[]::new);
        article.publishedOn = request.publishedOn();
        article.url = url;
        String language = Lookup.trimToNull(request.language());
        article.language = language == null ? "en" : language;
        article.setBody(text);
        article.notes = Lookup.trimToNull(request.notes());
    }

    /**
     * A corrected text must still contain every quote recorded from the article; the database then
     * moves each quote to its new offsets. This check only words the refusal for the analyst.
     */
    private void checkQuotesSurvive(Article article, String text) {
        List<Object[]> quotes = em.createQuery("select 'claim', s.claim.id, s.passage.quote from ClaimSource s"
                        + " where s.passage.article = :a union all select 'response', r.id, r.passage.quote"
                        + " from ClaimResponse r where r.passage.article = :a", Object[].class)
                .setParameter("a", article)
                .getResultList();
        for (Object[] quote : quotes) {
            if (!text.contains((String) quote[2])) {
                throw ApiProblem.invalid("text", "The new text no longer contains the quote \"" + quote[2] + "\" recorded for "
                        + quote[0] + " " + quote[1] + "; correct or remove that quote first");
            }
        }
    }
}
