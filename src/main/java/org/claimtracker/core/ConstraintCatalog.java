package org.claimtracker.core;

import java.util.Map;

/**
 * What each database constraint means to a client: the request field it concerns and a sentence
 * saying what went wrong. The database is the last guard; services check most things first and
 * this catalogue explains the rest (races, direct deletes of referenced rows).
 */
final class ConstraintCatalog {

    record Meaning(String field, String message) {
    }

    private static final Map<String, Meaning> MEANINGS = Map.ofEntries(
            // natural keys
            Map.entry("outlet_name_key", new Meaning("name", "An outlet with this name already exists")),
            Map.entry("outlet_domain_key", new Meaning("domain", "An outlet with this domain already exists")),
            Map.entry("article_url_key", new Meaning("url", "An article with this URL already exists")),
            Map.entry("article_content_hash_key", new Meaning("text", "An article with the same text already exists")),
            Map.entry("party_name_key", new Meaning("name", "A party with this name already exists")),
            Map.entry("party_alias_key", new Meaning("aliases", "This alias already names a party")),
            Map.entry("party_membership_key", new Meaning("groupId", "This membership, from this date, is already recorded")),
            Map.entry("incident_ref_key", new Meaning("ref", "An incident with this ref already exists")),
            Map.entry("claim_ref_key", new Meaning("ref", "A claim with this ref already exists")),
            Map.entry("claim_source_key", new Meaning("sources", "The same source is given twice")),
            Map.entry("response_ref_key", new Meaning("ref", "A response with this ref already exists")),
            // references that stop a delete
            Map.entry("article_outlet_fk", new Meaning("outletId", "articles are recorded from this outlet")),
            Map.entry("article_republished_from_fk", new Meaning("republishedFromOutletId", "articles name this outlet as their origin")),
            Map.entry("party_parent_fk", new Meaning("parentId", "other parties name this party as their parent")),
            Map.entry("party_membership_group_fk", new Meaning("groupId", "other parties are members of this party")),
            Map.entry("claim_claimant_fk", new Meaning("claimantId", "claims name this party as claimant")),
            Map.entry("claim_speaker_fk", new Meaning("speakerId", "claims name this party as speaker")),
            Map.entry("claim_addressed_party_fk", new Meaning("addressedPartyId", "claims are addressed to this party")),
            Map.entry("claim_incident_fk", new Meaning("incidentId", "claims are about this incident")),
            Map.entry("claim_source_article_fk", new Meaning("sources", "claims quote this article")),
            Map.entry("response_claim_fk", new Meaning("claimId", "responses answer this claim")),
            Map.entry("response_party_fk", new Meaning("partyId", "responses are recorded for this party")),
            Map.entry("response_speaker_fk", new Meaning("speakerId", "responses name this party as speaker")),
            Map.entry("response_article_fk", new Meaning("source.articleId", "responses quote this article")),
            Map.entry("response_counter_claim_fk", new Meaning("counterClaimId", "responses name this claim as their counter-claim")),
            // rules
            Map.entry("claim_source_quote_in_article", new Meaning("sources", "The quote is not found at its offsets in the article text")),
            Map.entry("response_quote_in_article", new Meaning("source.quote", "The quote is not found at its offsets in the article text")),
            Map.entry("article_body_keeps_quotes", new Meaning("text", "The new text no longer contains quotes recorded from this article")),
            Map.entry("claim_casualties_order", new Meaning("casualtiesHigh", "casualtiesHigh must not be below casualtiesLow")),
            Map.entry("party_parent_not_self", new Meaning("parentId", "A party cannot be its own parent")),
            Map.entry("party_membership_not_self", new Meaning("groupId", "A party cannot be a member of itself")),
            Map.entry("party_membership_dates", new Meaning("to", "to must not be before from")),
            Map.entry("incident_date_known", new Meaning("precision", "precision is 'unknown' exactly when occurredOn is missing")),
            Map.entry("incident_range", new Meaning("occurredUntil", "occurredUntil is given exactly when precision is 'range'")),
            Map.entry("incident_range_order", new Meaning("occurredUntil", "occurredUntil must not be before occurredOn")),
            Map.entry("response_counter_claim_not_self", new Meaning("counterClaimId", "A response cannot name its own claim as counter-claim")));

    private ConstraintCatalog() {
    }

    /** Every constraint the catalogue explains (a test holds them to the database's). */
    static java.util.Set<String> names() {
        return MEANINGS.keySet();
    }

    static Meaning meaning(String constraint) {
        return constraint == null ? null : MEANINGS.get(constraint);
    }
}
