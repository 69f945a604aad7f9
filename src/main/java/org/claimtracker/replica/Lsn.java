package org.claimtracker.replica;

/** PostgreSQL's WAL positions ({@code pg_lsn}, written {@code 16/B374D848}) as numbers of bytes. */
final class Lsn {

    private Lsn() {
    }

    static long parse(String lsn) {
        int slash = lsn.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a WAL position: " + lsn);
        }
        return (Long.parseLong(lsn.substring(0, slash), 16) << 32) | Long.parseLong(lsn.substring(slash + 1), 16);
    }
}
