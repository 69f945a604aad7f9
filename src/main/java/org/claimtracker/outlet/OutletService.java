package org.claimtracker.outlet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Filter;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Suggestion;

@ApplicationScoped
@Transactional
public class OutletService {

    @Inject
    EntityManager em;

    @Transactional(TxType.SUPPORTS)
    public Page<OutletDetail> list(String q, OutletKind kind, String country, PageParams page) {
        Filter filter = new Filter()
                .andContains("(lower(o.name) like :q escape '!' or lower(o.domain) like :q escape '!')", "q", q)
                .and("o.kind = :kind", "kind", kind)
                .and("o.country = :country", "country", country == null ? null : country.toUpperCase(Locale.ROOT));
        long total = filter.count(em, "from Outlet o");
        List<Outlet> outlets = filter.page(em, "select o from Outlet o", "lower(o.name), o.id", Outlet.class, page);
        Map<Long, Long> counts = articleCounts(outlets.stream().map(o -> o.id).toList());
        return new Page<>(outlets.stream().map(o -> OutletDetail.of(o, counts.getOrDefault(o.id, 0L))).toList(),
                page.page(), page.size(), total);
    }

    /** The request that would record the outlet as it stands, for a merge patch to apply to. */
    @Transactional(TxType.SUPPORTS)
    public OutletRequest requestOf(long id) {
        return OutletRequest.of(Lookup.require(em, Outlet.class, id, "outlet"));
    }

    @Transactional(TxType.SUPPORTS)
    public OutletDetail get(long id) {
        Outlet outlet = Lookup.require(em, Outlet.class, id, "outlet");
        return OutletDetail.of(outlet, articleCounts(List.of(id)).getOrDefault(id, 0L));
    }

    /** Finds an outlet by its name, ignoring case and surrounding spaces. */
    @Transactional(TxType.SUPPORTS)
    public Outlet findByName(String name) {
        return em.createQuery("select o from Outlet o where lower(trim(o.name)) = :name", Outlet.class)
                .setParameter("name", name.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst().orElse(null);
    }

    /** Outlets whose name or domain contains {@code q}, for typeahead inputs. */
    @Transactional(TxType.SUPPORTS)
    public List<Suggestion> suggest(String q, int limit) {
        return list(q, null, null, new PageParams(0, limit)).items().stream()
                .map(o -> new Suggestion(Suggestion.tagged(o.name(), o.id()),
                        o.domain() == null ? o.kind().name() : o.domain()))
                .toList();
    }

    /** The id of the outlet of this name, ignoring case and surrounding spaces; null when none. */
    @Transactional(TxType.SUPPORTS)
    public Long idNamed(String name) {
        Outlet found = findByName(name);
        return found == null ? null : found.id;
    }

    public OutletDetail create(OutletRequest request) {
        Outlet outlet = new Outlet();
        apply(outlet, request);
        em.persist(outlet);
        em.flush();
        return OutletDetail.of(outlet, 0);
    }

    public OutletDetail update(long id, Long expectedVersion, OutletRequest request) {
        Outlet outlet = Lookup.require(em, Outlet.class, id, "outlet");
        outlet.expectVersion(expectedVersion);
        apply(outlet, request);
        outlet.touch();
        em.flush();
        return get(id);
    }

    /** Deletes the record; {@code expectedVersion} (null: any) guards against deleting a newer edit. */
    public void delete(long id, Long expectedVersion) {
        Outlet outlet = Lookup.require(em, Outlet.class, id, "outlet");
        outlet.expectVersion(expectedVersion);
        em.remove(outlet);
        em.flush();
    }

    private void apply(Outlet outlet, OutletRequest request) {
        String name = request.name().strip();
        Outlet sameName = findByName(name);
        if (sameName != null && !sameName.id.equals(outlet.id)) {
            throw ApiProblem.conflict("name", "An outlet named '" + sameName.name + "' already exists (id "
                    + sameName.id + ")");
        }
        outlet.name = name;
        outlet.domain = Lookup.trimToNull(request.domain());
        outlet.country = Lookup.trimToNull(request.country());
        outlet.kind = request.kind();
        outlet.notes = Lookup.trimToNull(request.notes());
    }

    private Map<Long, Long> articleCounts(List<Long> outletIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (outletIds.isEmpty()) {
            return counts;
        }
        em.createQuery("select a.outlet.id, count(a) from Article a where a.outlet.id in :ids group by a.outlet.id",
                        Object[].class)
                .setParameter("ids", outletIds)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }
}
