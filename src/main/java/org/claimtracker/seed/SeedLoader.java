package org.claimtracker.seed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    OutletService outlets;

    @Inject
    PartyService parties;

    @Inject
    ArticleService articles;

    @Inject
    IncidentService incidents;

    @Inject
    ClaimService claims;

    @Inject
    ResponseService responses;

    @Inject
    TrackerConfig config;

    private final Map<String, Integer> created = new LinkedHashMap<>();
    private final Map<String, Integer> existing = new LinkedHashMap<>();

    @Transactional
    public synchronized SeedReport load() {
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
                Long parentId = p.parent() == null ? null : parties.findByNameOrAlias(p.parent()).getId();
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
            long memberId = parties.findByNameOrAlias(p.name()).getId();
            for (SeedFiles.Membership m : p.memberships()) {
                long groupId = party("parties.yaml", p.name() + " membership", m.group()).getId();
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
                byKey.put(a.key(), new LoadedArticle(same.getId(), text));
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
            if (incidents.findByRef(i.ref()) != null) {
                count(existing, "incidents");
                continue;
            }
            at("incidents.yaml", i.ref(), () -> incidents.create(new IncidentRequest(i.ref(), i.title(), i.occurredOn(),
                    i.occurredUntil(), i.precision(), i.place(), i.latitude(), i.longitude(), i.description())));
            count(created, "incidents");
        }
    }

    /** Claims first, then responses, so that a response may name any claim as its counter-claim. */
    private void loadClaims(Map<String, LoadedArticle> articlesByKey) {
        List<SeedFiles.Claim> all = read("claims.yaml", new TypeReference<List<SeedFiles.Claim>>() { });
        for (SeedFiles.Claim c : all) {
            if (claims.findByRef(c.ref()) != null) {
                count(existing, "claims");
                continue;
            }
            String where = "claim " + c.ref();
            Long claimantId = party("claims.yaml", where, c.claimant()).getId();
            Long speakerId = c.speaker() == null ? null : party("claims.yaml", where, c.speaker()).getId();
            Long addressedId = c.addressed() == null ? null : party("claims.yaml", where, c.addressed()).getId();
            Long incidentId = null;
            if (c.incident() != null) {
                Incident incident = incidents.findByRef(c.incident());
                if (incident == null) {
                    throw new SeedException("claims.yaml: " + where + ": no incident with ref " + c.incident());
                }
                incidentId = incident.getId();
            }
            List<QuoteRequest> sources = new ArrayList<>();
            List<SeedFiles.Quote> given = c.sources() == null ? List.of() : c.sources();
            for (int i = 0; i < given.size(); i++) {
                sources.add(quote(articlesByKey, where + " sources[" + i + "]", given.get(i)));
            }
            ClaimRequest request = new ClaimRequest(c.ref(), claimantId, speakerId, addressedId, c.proposition(), c.kind(),
                    c.statedOn(), incidentId, c.casualtiesLow(), c.casualtiesHigh(), c.grading(), c.gradingNote(),
                    sources);
            at("claims.yaml", where, () -> claims.create(request));
            count(created, "claims");
        }
        for (SeedFiles.Claim c : all) {
            if (c.responses() == null) {
                continue;
            }
            Claim claim = claims.findByRef(c.ref());
            for (SeedFiles.Response r : c.responses()) {
                if (responses.findByRef(r.ref()) != null) {
                    count(existing, "responses");
                    continue;
                }
                String where = "response " + r.ref();
                Long partyId = party("claims.yaml", where, r.party()).getId();
                Long speakerId = r.speaker() == null ? null : party("claims.yaml", where, r.speaker()).getId();
                Long counterId = null;
                if (r.counterClaim() != null) {
                    Claim counter = claims.findByRef(r.counterClaim());
                    if (counter == null) {
                        throw new SeedException("claims.yaml: " + where + ": no claim with ref " + r.counterClaim());
                    }
                    counterId = counter.getId();
                }
                if (r.source() == null) {
                    throw new SeedException("claims.yaml: " + where + ": a response needs a source");
                }
                ResponseRequest request = new ResponseRequest(r.ref(), claim.getId(), partyId, speakerId, r.stance(),
                        r.statedOn(), quote(articlesByKey, where + " source", r.source()), counterId, r.note());
                at("claims.yaml", where, () -> responses.create(request));
                count(created, "responses");
            }
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
        return outlet.getId();
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
