package org.claimtracker.seed;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.claimtracker.core.TrackerConfig;
import org.jboss.logging.Logger;

/** Loads the seed dataset on start, as tracker.seed.load says: if-empty (default), always or never. */
@ApplicationScoped
public class SeedStartup {

    private static final Logger LOG = Logger.getLogger(SeedStartup.class);

    @Inject
    TrackerConfig config;

    @Inject
    SeedLoader loader;

    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent event) {
        switch (config.seed().load()) {
            case NEVER -> LOG.info("Seed loading is off (tracker.seed.load=never)");
            case ALWAYS -> load();
            case IF_EMPTY -> {
                if (isEmpty()) {
                    load();
                } else {
                    LOG.info("The database already holds claims; seeds not loaded (tracker.seed.load=if-empty)");
                }
            }
        }
    }

    @Transactional
    boolean isEmpty() {
        // One row at most: counting a million claims would add a scan to every start.
        return em.createQuery("select c.id from Claim c", Long.class).setMaxResults(1).getResultList().isEmpty();
    }

    private void load() {
        SeedReport report = loader.load();
        LOG.infof("Seed dataset loaded:%n%s", report);
    }
}
