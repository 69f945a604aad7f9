package org.claimtracker.report;

/**
 * How the API reads one reporting view: what partyId and the period filter match, and the order
 * of its rows. Conditions name the view's row as {@code r} and take the party id as one {@code ?}.
 *
 * @param name the view's name in schema reporting, and the report's name in the URL
 * @param partyCondition what {@code partyId} matches; null when the report has no party filter
 * @param partyMeaning the same in words, for the report list
 * @param dateColumn the view's natural date column, which {@code from} and {@code to} bound; null when none
 * @param monthly true when the date column holds the first day of a month: {@code from} then
 *        takes in the whole month it falls in
 * @param asOfSource the relation that answers {@code asOf} (a function of the date); null when unsupported
 * @param orderBy the rows' order, stable (it ends with a key)
 */
public record ReportDefinition(String name, String partyCondition, String partyMeaning, String dateColumn,
        boolean monthly, String asOfSource, String orderBy) {

    public String relation() {
        return "reporting." + name;
    }
}
