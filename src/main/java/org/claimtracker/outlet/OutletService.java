package org.claimtracker.outlet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimtracker.core.RecordService;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Filter;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.PlainFields;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Suggestion;

@ApplicationScoped
@Transactional
public class OutletService extends RecordService<Outlet, OutletDetail, OutletRequest> {

    public OutletService() {
        super(Outlet.class, Outlet::new, "outlet", OutletRequest::of);
    }

    @Transactional(TxType.SUPPORTS)
    public Page<OutletDetail> list(String q, OutletKind kind, String country, PageParams page) {
        Filter filter = new Filter()
                .andContains("(lower(o.name) like :q escape '!' or lower(o.domain) like :q escape '!')", "q", q)
                .equal("o.kind", kind)
                .equal("o.country", country == null ? null : country.toUpperCase(Locale.ROOT));
        Page<Outlet> outlets = filter.paged(em, "from Outlet o", "select o from Outlet o", "lower(o.name), o.id",
                Outlet.class, page);
        Map<Long, Long> counts = articleCounts(outlets.items().stream().map(o -> o.id).toList());
        return outlets.map(o -> OutletDetail.of(o, counts.getOrDefault(o.id, 0L)));
    }

    @Transactional(TxType.SUPPORTS)
    public OutletDetail get(long id) {
        return withCount(Lookup.require(em, Outlet.class, id, "outlet"));
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

    @Override
    protected OutletDetail answer(Outlet outlet) {
        return withCount(outlet);
    }

    @Override
    protected void apply(Outlet outlet, OutletRequest request) {
        String name = request.name().strip();
        Outlet sameName = findByName(name);
        if (sameName != null && !sameName.id.equals(outlet.id)) {
            throw ApiProblem.conflict("name", "An outlet named '" + sameName.name + "' already exists (id "
                    + sameName.id + ")");
        }
        PlainFields.copy(request, outlet, "name");
        outlet.name = name;
    }

    /** The outlet with the number of its articles. */
    private OutletDetail withCount(Outlet outlet) {
        return OutletDetail.of(outlet, articleCounts(List.of(outlet.id)).getOrDefault(outlet.id, 0L));
    }

    private Map<Long, Long> articleCounts(List<Long> outletIds) {
        return Lookup.countsBy(em, "select a.outlet.id, count(a) from Article a where a.outlet.id in :ids"
                + " group by a.outlet.id", outletIds);
    }
}
