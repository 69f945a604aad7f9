package org.claimtracker.seed;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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

    void onStart(@Observes StartupEvent event) {
        switch (config.seed().load()) {
            case NEVER -> LOG.info("Seed loading is off (tracker.seed.load=never)");
            case ALWAYS -> load();
            case IF_EMPTY -> {
                SeedReport report = loader.loadIfEmpty();
                if (report == null) {
                    LOG.info("The database already holds claims; seeds not loaded (tracker.seed.load=if-empty)");
                } else {
                    LOG.infof("Seed dataset loaded:%n%s", report);
                }
            }
        }
    }

    private void load() {
        SeedReport report = loader.load();
        LOG.infof("Seed dataset loaded:%n%s", report);
    }
}
