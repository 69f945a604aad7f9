package org.claimtracker.outlet;

import org.claimtracker.core.RecordWrites;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimtracker.core.Writes;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Filter;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.PlainFields;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Suggestion;

@ApplicationScoped
@Transactional
public class OutletService implements RecordWrites<OutletDetail, OutletRequest> {

    @Inject
    EntityManager em;

    @Transactional(TxType.SUPPORTS)
    public Page<OutletDetail> list(String q, OutletKind kind, String country, PageParams page) {
        Filter filter = new Filter()
                .andContains("(lower(o.name) like :q escape '!' or lower(o.domain) like :q escape '!')", "q", q)
                .and("o.kind = :kind", "kind", kind)
                .and("o.country = :country", "country", country == null ? null : country.toUpperCase(Locale.ROOT));
        Page<Outlet> outlets = filter.paged(em, "from Outlet o", "select o from Outlet o", "lower(o.name), o.id",
                Outlet.class, page);
        Map<Long, Long> counts = articleCounts(outlets.items().stream().map(o -> o.id).toList());
        return outlets.map(o -> OutletDetail.of(o, counts.getOrDefault(o.id, 0L)));
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
        return Suggestion.of(list(q, null, null, new PageParams(0, limit)).items(), OutletDetail::name, OutletDetail::id,
                o -> o.domain() == null ? o.kind().name() : o.domain());
    }

    /** The id of the outlet of this name, ignoring case and surrounding spaces; null when none. */
    @Transactional(TxType.SUPPORTS)
    public Long idNamed(String name) {
        Outlet found = findByName(name);
        return found == null ? null : found.id;
    }

    public OutletDetail create(OutletRequest request) {
        return OutletDetail.of(Writes.create(em, new Outlet(), o -> apply(o, request)), 0);
    }

    public OutletDetail update(long id, Long expectedVersion, OutletRequest request) {
        Writes.update(em, Outlet.class, id, "outlet", expectedVersion, o -> apply(o, request));
        return get(id);
    }

    /** Deletes the record; {@code expectedVersion} (null: any) guards against deleting a newer edit. */
    public void delete(long id, Long expectedVersion) {
        Writes.delete(em, Outlet.class, id, "outlet", expectedVersion);
    }

    private void apply(Outlet outlet, OutletRequest request) {
        String name = request.name().strip();
        Outlet sameName = findByName(name);
        if (sameName != null && !sameName.id.equals(outlet.id)) {
            throw ApiProblem.conflict("name", "An outlet named '" + sameName.name + "' already exists (id "
                    + sameName.id + ")");
        }
        PlainFields.copy(request, outlet, "name");
        outlet.name = name;
    }

    private Map<Long, Long> articleCounts(List<Long> outletIds) {
        return Lookup.countsBy(em, "select a.outlet.id, count(a) from Article a where a.outlet.id in :ids"
                + " group by a.outlet.id", outletIds);
    }
}
