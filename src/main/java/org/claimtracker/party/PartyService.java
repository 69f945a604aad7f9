package org.claimtracker.party;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimtracker.core.RecordService;
import org.claimtracker.core.Writes;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Dates;
import org.claimtracker.core.Filter;
import org.claimtracker.core.Lookup;
import org.claimtracker.core.Page;
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Ref;
import org.claimtracker.core.Suggestion;

@ApplicationScoped
@Transactional
public class PartyService extends RecordService<Party, PartyDetail, PartyRequest> {

    private static final int MAX_PARENT_DEPTH = 50;

    public PartyService() {
        super(Party.class, Party::new, "party", PartyRequest::of);
    }

    @Transactional(TxType.SUPPORTS)
    public Page<PartySummary> list(String q, PartyKind kind, Long parentId, PageParams page) {
        Filter filter = new Filter()
                .andContains("(lower(p.name) like :q escape '!' or exists (select 1 from PartyAlias a"
                        + " where a.party = p and lower(a.alias) like :q escape '!'))", "q", q)
                .equal("p.kind", kind)
                .equal("p.parent.id", parentId);
        Page<Party> parties = filter.paged(em, "from Party p", "select p from Party p left join fetch p.parent",
                "lower(p.name), p.id", Party.class, page);
        Map<Long, List<String>> aliases = aliasesOf(parties.items().stream().map(p -> p.id).toList());
        return parties.map(p -> PartySummary.of(p, aliases.getOrDefault(p.id, List.of())));
    }

    @Transactional(TxType.SUPPORTS)
    public PartyDetail get(long id) {
        Party party = em.createQuery("select p from Party p left join fetch p.parent where p.id = :id", Party.class)
                .setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("party", id));
        return view(party);
    }

    /** The party whose name or one of whose aliases is {@code name}, ignoring case; or null. */
    @Transactional(TxType.SUPPORTS)
    public Party findByNameOrAlias(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return em.createQuery("select p from Party p where lower(trim(p.name)) = :key or exists (select 1 from PartyAlias a"
                        + " where a.party = p and lower(trim(a.alias)) = :key) order by p.id", Party.class)
                .setParameter("key", key)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /** Parties whose name or alias contains {@code q}, for typeahead inputs. */
    @Transactional(TxType.SUPPORTS)
    public List<Suggestion> suggest(String q, int limit) {
        return Suggestion.of(list(q, null, null, new PageParams(0, limit)).items(), PartySummary::name, PartySummary::id,
                p -> p.aliases().isEmpty() ? p.kind().name() : String.join(", ", p.aliases()));
    }

    /** The id of the party this name (or alias) names, ignoring case and surrounding spaces; null when none. */
    @Transactional(TxType.SUPPORTS)
    public Long idNamed(String name) {
        Party found = findByNameOrAlias(name);
        return found == null ? null : found.id;
    }

    public MembershipDetail addMembership(long partyId, MembershipRequest request) {
        Party member = Lookup.require(em, Party.class, partyId, "party");
        PartyMembership membership = new PartyMembership();
        membership.member = member;
        return MembershipDetail.of(Writes.create(em, membership, m -> applyMembership(m, request)));
    }

    public MembershipDetail updateMembership(long partyId, long membershipId, Long expectedVersion,
            MembershipRequest request) {
        return MembershipDetail.of(Writes.update(em, membershipOf(partyId, membershipId), expectedVersion,
                m -> applyMembership(m, request)));
    }

    public void deleteMembership(long partyId, long membershipId, Long expectedVersion) {
        Writes.delete(em, membershipOf(partyId, membershipId), expectedVersion);
    }

    /** The request that would record the membership as it stands, for a merge patch to apply to. */
    @Transactional(TxType.SUPPORTS)
    public MembershipRequest membershipRequestOf(long partyId, long membershipId) {
        return MembershipRequest.of(membershipOf(partyId, membershipId));
    }

    private PartyMembership membershipOf(long partyId, long membershipId) {
        PartyMembership membership = em.find(PartyMembership.class, membershipId);
        if (membership == null || !membership.member.id.equals(partyId)) {
            throw ApiProblem.notFound("membership of party " + partyId, membershipId);
        }
        return membership;
    }

    private void applyMembership(PartyMembership membership, MembershipRequest request) {
        Party group = Lookup.reference(em, Party.class, request.groupId(), "groupId", "party");
        if (group == membership.member) {
            throw ApiProblem.invalid("groupId", "A party cannot be a member of itself");
        }
        Dates.checkPlausible("from", request.from());
        Dates.checkPlausible("to", request.to());
        if (request.from() != null && request.to() != null && request.to().isBefore(request.from())) {
            throw ApiProblem.invalid("to", "to must not be before from");
        }
        Long duplicate = em.createQuery("select m.id from PartyMembership m where m.member = :member and m.memberOf = :group"
                        + " and m.validFrom is not distinct from :from", Long.class)
                .setParameter("member", membership.member)
                .setParameter("group", group)
                .setParameter("from", request.from())
                .getResultStream().findFirst().orElse(null);
        if (duplicate != null && !duplicate.equals(membership.id)) {
            throw ApiProblem.conflict("groupId", "This membership, from this date, is already recorded (id " + duplicate + ")");
        }
        membership.memberOf = group;
        membership.validFrom = request.from();
        membership.validTo = request.to();
        membership.role = Lookup.trimToNull(request.role());
        membership.note = Lookup.trimToNull(request.note());
    }

    @Override
    protected void apply(Party party, PartyRequest request) {
        String name = request.name().strip();
        Party holder = findByNameOrAlias(name);
        if (holder != null && !holder.id.equals(party.id)) {
            throw ApiProblem.conflict("name", "'" + name + "' already names party '" + holder.name + "' (id "
                    + holder.id + ")");
        }
        List<String> aliases = checkedAliases(party, name, request.aliases());
        Party parent = Lookup.reference(em, Party.class, request.parentId(), "parentId", "party");
        checkNoCycle(party, parent);
        party.name = name;
        party.kind = request.kind();
        party.parent = parent;
        party.description = Lookup.trimToNull(request.description());
        replaceAliases(party, aliases);
    }

    private List<String> checkedAliases(Party party, String name, List<String> requested) {
        List<String> aliases = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(name.toLowerCase(Locale.ROOT));
        List<String> given = requested == null ? List.of() : requested;
        for (int i = 0; i < given.size(); i++) {
            String alias = given.get(i).strip();
            String field = "aliases[" + i + "]";
            if (!seen.add(alias.toLowerCase(Locale.ROOT))) {
                throw ApiProblem.invalid(field, "'" + alias + "' repeats the name or another alias");
            }
            Party holder = findByNameOrAlias(alias);
            if (holder != null && !holder.id.equals(party.id)) {
                throw ApiProblem.conflict(field, "'" + alias + "' already names party '" + holder.name + "' (id "
                        + holder.id + ")");
            }
            aliases.add(alias);
        }
        return aliases;
    }

    /** Keeps aliases that are still wanted (so their rows and stamps survive), drops the rest, adds the new. */
    private void replaceAliases(Party party, List<String> wanted) {
        Map<String, String> byKey = new HashMap<>();
        wanted.forEach(alias -> byKey.put(alias.toLowerCase(Locale.ROOT), alias));
        party.aliases.removeIf(existing -> !byKey.containsKey(existing.alias.toLowerCase(Locale.ROOT)));
        for (PartyAlias existing : party.aliases) {
            existing.alias = byKey.remove(existing.alias.toLowerCase(Locale.ROOT));
        }
        wanted.stream()
                .filter(alias -> byKey.containsKey(alias.toLowerCase(Locale.ROOT)))
                .forEach(alias -> party.aliases.add(new PartyAlias(party, alias)));
    }

    private void checkNoCycle(Party party, Party parent) {
        Party ancestor = parent;
        for (int depth = 0; ancestor != null; depth++) {
            if (ancestor == party || depth > MAX_PARENT_DEPTH) {
                throw ApiProblem.invalid("parentId", "The parent would make a party its own ancestor");
            }
            ancestor = ancestor.parent;
        }
    }

    @Override
    protected PartyDetail answer(Party party) {
        return view(party);
    }

    /** The party with its aliases, children, memberships and members. */
    private PartyDetail view(Party party) {
        List<String> aliases = party.aliases.stream().map(a -> a.alias).sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
        List<Ref> children = em.createQuery("select p from Party p where p.parent = :party order by lower(p.name)", Party.class)
                .setParameter("party", party)
                .getResultStream().map(Party::ref).toList();
        List<MembershipDetail> memberships = em.createQuery("select m from PartyMembership m join fetch m.member"
                        + " join fetch m.memberOf where m.member = :party order by m.validFrom nulls first, m.id",
                        PartyMembership.class)
                .setParameter("party", party)
                .getResultStream().map(MembershipDetail::of).toList();
        List<MembershipDetail> members = em.createQuery("select m from PartyMembership m join fetch m.member"
                        + " join fetch m.memberOf where m.memberOf = :party order by lower(m.member.name), m.id",
                        PartyMembership.class)
                .setParameter("party", party)
                .getResultStream().map(MembershipDetail::of).toList();
        return PartyDetail.of(party, aliases, children, memberships, members);
    }

    private Map<Long, List<String>> aliasesOf(List<Long> partyIds) {
        Map<Long, List<String>> result = new HashMap<>();
        if (partyIds.isEmpty()) {
            return result;
        }
        em.createQuery("select a.party.id, a.alias from PartyAlias a where a.party.id in :ids order by lower(a.alias)",
                        Object[].class)
                .setParameter("ids", partyIds)
                .getResultList()
                .forEach(row -> result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]));
        return result;
    }
}
