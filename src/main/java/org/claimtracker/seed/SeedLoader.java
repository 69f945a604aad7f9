package org.claimtracker.seed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.claimtracker.article.Article;
import org.claimtracker.article.ArticleRequest;
import org.claimtracker.article.ArticleService;
import org.claimtracker.article.ArticleText;
import org.claimtracker.article.QuoteRequest;
import org.claimtracker.claim.Claim;
import org.claimtracker.claim.ClaimRequest;
import org.claimtracker.claim.ClaimService;
import org.claimtracker.core.Actors;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.TrackerConfig;
import org.claimtracker.incident.Incident;
import org.claimtracker.incident.IncidentRequest;
import org.claimtracker.incident.IncidentService;
import org.claimtracker.outlet.Outlet;
import org.claimtracker.outlet.OutletRequest;
import org.claimtracker.outlet.OutletService;
import org.claimtracker.party.MembershipRequest;
import org.claimtracker.party.Party;
import org.claimtracker.party.PartyRequest;
import org.claimtracker.party.PartyService;
import org.claimtracker.response.ResponseRequest;
import org.claimtracker.response.ResponseService;

/**
 * Loads the seed dataset through the same services as the API, so seeds meet every rule a client
 * meets (quotes checked against the text, dates, references). Idempotent: a record whose identifier
 * (outlet and party name, article text, incident, claim and response ref) exists is left alone.
 * One transaction: a seed error leaves the database as it was.
 */
@ApplicationScoped
public class SeedLoader {

    public static final String ACTOR = "seed-loader";

    private final ObjectMapper yaml = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final OutletService outlets;
    private final PartyService parties;
    private final ArticleService articles;
    private final IncidentService incidents;
    private final ClaimService claims;
    private final ResponseService responses;
    private final TrackerConfig config;
    private final EntityManager em;

    /** The services every API client goes through, so seeds meet the same rules. */
    SeedLoader(OutletService outlets, PartyService parties, ArticleService articles, IncidentService incidents,
            ClaimService claims, ResponseService responses, TrackerConfig config, EntityManager em) {
        this.outlets = outlets;
        this.parties = parties;
        this.articles = articles;
        this.incidents = incidents;
        this.claims = claims;
        this.responses = responses;
        this.config = config;
        this.em = em;
    }

    private final Map<String, Integer> created = new LinkedHashMap<>();
    private final Map<String, Integer> existing = new LinkedHashMap<>();

    /**
     * One transaction for the whole dataset. Its timeout is generous: at start-up on a machine busy
     * with other work the load can outlast the default minute, and an aborted load stops the start.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public synchronized SeedReport load() {
        holdSeedLock();
        return loadAll();
    }

    private SeedReport loadAll() {
        return Actors.runAs(ACTOR, () -> {
            created.clear();
            existing.clear();
            loadOutlets();
            loadParties();
            Map<String, LoadedArticle> byKey = loadArticles();
            loadIncidents();
            loadClaims(byKey);
            return new SeedReport(new LinkedHashMap<>(created), new LinkedHashMap<>(existing));
        });
    }

    /**
     * Loads the dataset when the database holds no claim yet; null when it holds some. Instances
     * started at once take turns (the same lock as {@link #load}), so only the first loads.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public synchronized SeedReport loadIfEmpty() {
        holdSeedLock();
        // One row at most: counting a million claims would add a scan to every start.
        if (!em.createQuery("select c.id from Claim c", Long.class).setMaxResults(1).getResultList().isEmpty()) {
            return null;
        }
        return loadAll();
    }

    /**
     * Until the transaction ends, no other loader (another instance starting at the same moment)
     * runs: two loads at once would each find a record missing and one would fail on the other's.
     */
    private void holdSeedLock() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('claimtracker: seed load'))").getSingleResult();
    }

    private record LoadedArticle(long id, String text) {
    }

    private void loadOutlets() {
        for (SeedFiles.Outlet o : read("outlets.yaml", new TypeReference<List<SeedFiles.Outlet>>() { })) {
            if (outlets.findByName(o.name()) != null) {
                count(existing, "outlets");
                continue;
            }
            at("outlets.yaml", o.name(), () -> outlets.create(
                    new OutletRequest(o.name(), o.domain(), o.country(), o.kind(), o.notes())));
            count(created, "outlets");
        }
    }

    /** Parties are created parents first, then the memberships of those created now. */
    private void loadParties() {
        List<SeedFiles.Party> pending = new ArrayList<>();
        for (SeedFiles.Party p : read("parties.yaml", new TypeReference<List<SeedFiles.Party>>() { })) {
            if (parties.findByNameOrAlias(p.name()) != null) {
                count(existing, "parties");
            } else {
                pending.add(p);
            }
        }
        List<SeedFiles.Party> createdNow = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<SeedFiles.Party> ready = pending.stream()
                    .filter(p -> p.parent() == null || parties.findByNameOrAlias(p.parent()) != null)
                    .toList();
            if (ready.isEmpty()) {
                throw new SeedException("parties.yaml: unknown parent (or a cycle of parents) for "
                        + pending.stream().map(SeedFiles.Party::name).toList());
            }
            for (SeedFiles.Party p : ready) {
                Long parentId = p.parent() == null ? null : parties.findByNameOrAlias(p.parent()).id;
                at("parties.yaml", p.name(), () -> parties.create(
                        new PartyRequest(p.name(), p.kind(), p.aliases(), parentId, p.description())));
                count(created, "parties");
                createdNow.add(p);
            }
            pending.removeAll(ready);
        }
        for (SeedFiles.Party p : createdNow) {
            if (p.memberships() == null) {
                continue;
            }
            long memberId = parties.findByNameOrAlias(p.name()).id;
            for (SeedFiles.Membership m : p.memberships()) {
                long groupId = party("parties.yaml", p.name() + " membership", m.group()).id;
                at("parties.yaml", p.name() + " membership of " + m.group(), () -> parties.addMembership(memberId,
                        new MembershipRequest(groupId, m.from(), m.to(), m.role(), m.note())));
                count(created, "memberships");
            }
        }
    }

    private Map<String, LoadedArticle> loadArticles() {
        Map<String, LoadedArticle> byKey = new HashMap<>();
        for (SeedFiles.Article a : read("articles.yaml", new TypeReference<List<SeedFiles.Article>>() { })) {
            String text = ArticleText.normalise(readText("articles/" + a.key() + ".txt"));
            Article same = articles.findByContentHash(ArticleText.contentHash(text));
            if (same != null) {
                byKey.put(a.key(), new LoadedArticle(same.id, text));
                count(existing, "articles");
                continue;
            }
            Long outletId = outlet("articles.yaml", a.key(), a.outlet());
            Long originId = a.republishedFrom() == null ? null : outlet("articles.yaml", a.key(), a.republishedFrom());
            long id = at("articles.yaml", a.key(), () -> articles.create(new ArticleRequest(outletId, a.title(), a.authors(),
                    a.publishedOn(), a.url(), a.language(), text, originId, a.notes()))).id();
            byKey.put(a.key(), new LoadedArticle(id, text));
            count(created, "articles");
        }
        return byKey;
    }

    private void loadIncidents() {
        for (SeedFiles.Incident i : read("incidents.yaml", new TypeReference<List<SeedFiles.Incident>>() { })) {
            if (incidents.findBy("ref", i.ref()) != null) {
                count(existing, "incidents");
                continue;
            }
            at("incidents.yaml", i.ref(), () -> incidents.create(new IncidentRequest(i.ref(), i.title(), i.occurredOn(),
                    i.occurredUntil(), i.precision(), i.place(), i.latitude(), i.longitude(), i.description())));
            count(created, "incidents");
        }
    }

    /**
     * Claims first, then responses, so that a response may name any claim as its counter-claim.
     * The links (parties by name, the incident and counter-claim by ref, quotes by article key)
     * are resolved here; every other field goes to the API's request as it is written, by name.
     */
    private void loadClaims(Map<String, LoadedArticle> articlesByKey) {
        List<ObjectNode> all = read("claims.yaml", new TypeReference<List<ObjectNode>>() { });
        List<SeedFiles.ClaimLinks> links = all.stream().map(node -> convert(node, SeedFiles.ClaimLinks.class, "claim")).toList();
        for (int n = 0; n < all.size(); n++) {
            ObjectNode node = all.get(n);
            SeedFiles.ClaimLinks c = links.get(n);
            if (claims.findBy("ref", c.ref()) != null) {
                count(existing, "claims");
                continue;
            }
            String where = "claim " + c.ref();
            List<QuoteRequest> sources = new ArrayList<>();
            List<SeedFiles.Quote> given = c.sources() == null ? List.of() : c.sources();
            for (int i = 0; i < given.size(); i++) {
                sources.add(quote(articlesByKey, where + " sources[" + i + "]", given.get(i)));
            }
            ObjectNode fields = node.deepCopy().remove(SeedFiles.ClaimLinks.FIELDS);
            fields.put("claimantId", party("claims.yaml", where, c.claimant()).id);
            fields.put("speakerId", c.speaker() == null ? null : party("claims.yaml", where, c.speaker()).id);
            fields.put("addressedPartyId", c.addressed() == null ? null : party("claims.yaml", where, c.addressed()).id);
            fields.put("incidentId", c.incident() == null ? null : incident(where, c.incident()));
            fields.set("sources", yaml.valueToTree(sources));
            ClaimRequest request = convert(fields, ClaimRequest.class, where);
            at("claims.yaml", where, () -> claims.create(request));
            count(created, "claims");
        }
        for (SeedFiles.ClaimLinks c : links) {
            if (c.responses() == null) {
                continue;
            }
            Claim claim = claims.findBy("ref", c.ref());
            for (ObjectNode responseNode : c.responses()) {
                SeedFiles.ResponseLinks r = convert(responseNode, SeedFiles.ResponseLinks.class, "response of claim " + c.ref());
                if (responses.findBy("ref", r.ref()) != null) {
                    count(existing, "responses");
                    continue;
                }
                String where = "response " + r.ref();
                if (r.source() == null) {
                    throw new SeedException("claims.yaml: " + where + ": a response needs a source");
                }
                ObjectNode fields = responseNode.deepCopy().remove(SeedFiles.ResponseLinks.FIELDS);
                fields.put("claimId", claim.id);
                fields.put("partyId", party("claims.yaml", where, r.party()).id);
                fields.put("speakerId", r.speaker() == null ? null : party("claims.yaml", where, r.speaker()).id);
                fields.set("source", yaml.valueToTree(quote(articlesByKey, where + " source", r.source())));
                fields.put("counterClaimId", r.counterClaim() == null ? null : counterClaim(where, r.counterClaim()));
                ResponseRequest request = convert(fields, ResponseRequest.class, where);
                at("claims.yaml", where, () -> responses.create(request));
                count(created, "responses");
            }
        }
    }

    private long incident(String where, String ref) {
        Incident incident = incidents.findBy("ref", ref);
        if (incident == null) {
            throw new SeedException("claims.yaml: " + where + ": no incident with ref " + ref);
        }
        return incident.id;
    }

    private long counterClaim(String where, String ref) {
        Claim counter = claims.findBy("ref", ref);
        if (counter == null) {
            throw new SeedException("claims.yaml: " + where + ": no claim with ref " + ref);
        }
        return counter.id;
    }

    /** A part of claims.yaml read as the type (a misspelt or unknown field is named in the error). */
    private <T> T convert(ObjectNode node, Class<T> type, String where) {
        try {
            return yaml.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw new SeedException("claims.yaml: " + where + ": " + e.getMessage(), e);
        }
    }

    private QuoteRequest quote(Map<String, LoadedArticle> articlesByKey, String where, SeedFiles.Quote q) {
        LoadedArticle article = articlesByKey.get(q.article());
        if (article == null) {
            throw new SeedException("claims.yaml: " + where + ": no article with key " + q.article());
        }
        String quote = ArticleText.normalise(q.quote());
        ArticleText.Span span = at("claims.yaml", where, () -> ArticleText.locate(article.text(), quote, q.start(), null,
                q.occurrence(), "quote", "start"));
        return new QuoteRequest(article.id(), quote, span.start(), span.end());
    }

    private Party party(String file, String where, String name) {
        Party party = parties.findByNameOrAlias(name);
        if (party == null) {
            throw new SeedException(file + ": " + where + ": no party named '" + name + "'");
        }
        return party;
    }

    private Long outlet(String file, String where, String name) {
        Outlet outlet = outlets.findByName(name);
        if (outlet == null) {
            throw new SeedException(file + ": " + where + ": no outlet named '" + name + "'");
        }
        return outlet.id;
    }

    /** Runs one step, naming the file and record in any failure. */
    private static <T> T at(String file, String where, Supplier<T> step) {
        try {
            return step.get();
        } catch (ApiProblem e) {
            throw new SeedException(file + ": " + where + ": " + (e.field() == null ? "" : e.field() + ": ")
                    + e.getMessage(), e);
        } catch (jakarta.validation.ConstraintViolationException e) {
            StringBuilder detail = new StringBuilder();
            e.getConstraintViolations().forEach(v -> detail.append(v.getPropertyPath()).append(' ')
                    .append(v.getMessage()).append("; "));
            throw new SeedException(file + ": " + where + ": " + detail, e);
        }
    }

    private static void count(Map<String, Integer> counts, String kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    private <T> T read(String file, TypeReference<T> type) {
        try {
            T value = yaml.readValue(readText(file), type);
            if (value == null) {
                throw new SeedException(file + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new SeedException(file + ": " + e.getMessage(), e);
        }
    }

    private String readText(String relative) {
        try {
            Optional<String> seedDir = config.seed().dir();
            if (seedDir.isPresent() && !seedDir.get().isBlank()) {
                return Files.readString(Path.of(seedDir.get()).resolve(relative), StandardCharsets.UTF_8);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("seeds/" + relative)) {
                if (in == null) {
                    throw new SeedException("seed file " + relative + " is not packaged in the application");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading seed file " + relative, e);
        }
    }
}
