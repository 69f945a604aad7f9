package org.claimtracker.article;

/**
 * A recorded quote as the article reader highlights it: where it lies (code points), and the claim
 * or response it belongs to.
 */
public record QuoteMark(String kind, long recordId, long claimId, int start, int end, String label) {

    public String link() {
        return "/admin/claims/" + claimId + (kind.equals("response") ? "#response-" + recordId : "");
    }
}
