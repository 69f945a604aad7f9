package org.claimtracker.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts every SQL statement Hibernate sends, so tests can bound how many a request issues. The
 * count is the whole process's: a statement another thread sends meanwhile (a request of an earlier
 * test still finishing on a busy machine) counts too, so {@link #fewest} runs the work a few times
 * and keeps the smallest count. Extra statements of the work itself (one per item) show in every run.
 */
@PersistenceUnitExtension
public class SqlStatementCounter implements StatementInspector {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final java.util.Queue<String> SEEN = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Override
    public String inspect(String sql) {
        COUNT.incrementAndGet();
        SEEN.add(sql);
        return sql;
    }

    public static void reset() {
        COUNT.set(0);
        SEEN.clear();
    }

    /** The statements sent since the last reset (other threads' included, as for the count). */
    public static java.util.List<String> statements() {
        return java.util.List.copyOf(SEEN);
    }

    public static int count() {
        return COUNT.get();
    }

    /** The fewest statements counted over three runs of the work. */
    public static int fewest(Runnable work) {
        int fewest = Integer.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            reset();
            work.run();
            fewest = Math.min(fewest, count());
        }
        return fewest;
    }
}
