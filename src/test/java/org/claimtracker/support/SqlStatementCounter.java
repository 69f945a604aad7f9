package org.claimtracker.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Counts every SQL statement Hibernate sends, so tests can bound how many a request issues. */
@PersistenceUnitExtension
public class SqlStatementCounter implements StatementInspector {

    private static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public String inspect(String sql) {
        COUNT.incrementAndGet();
        return sql;
    }

    public static void reset() {
        COUNT.set(0);
    }

    public static int count() {
        return COUNT.get();
    }
}
