package org.claimtracker.replica;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;
import org.claimtracker.core.TrackerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the one {@link ReplicaReads} of the application from TRACKER_REPLICA_DB_URL and
 * TRACKER_REPLICA_WAIT, at start (so that its health and metrics are there from the first request),
 * connecting as the tracker's own role.
 */
@ApplicationScoped
public class ReplicaSetup {

    @Produces
    @Singleton
    @Startup
    ReplicaReads replicaReads(TrackerConfig config, DataSource primary, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        return new ReplicaReads(config.replica().url(), user, password.orElse(null), config.replica().waitFor(), primary,
                registry);
    }

    void close(@Disposes ReplicaReads reads) {
        reads.close();
    }
}
