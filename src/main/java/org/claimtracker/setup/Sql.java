package org.claimtracker.setup;

/** SQL text for names that cannot be bind parameters (roles, databases in DDL). */
final class Sql {

    private Sql() {
    }

    /** A quoted identifier: any name, with no way to end the quotes early. */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
