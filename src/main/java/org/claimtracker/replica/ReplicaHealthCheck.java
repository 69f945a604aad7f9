package org.claimtracker.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The streaming replica in the readiness report: where report reads go and how far the replica
 * trails the primary, as last checked. Always UP: when the replica is down the reads go to the
 * primary, so the tracker still serves every request.
 */
@Readiness
@ApplicationScoped
public class ReplicaHealthCheck implements HealthCheck {

    static final String NAME = "Streaming replica (report reads)";

    @Inject
    ReplicaReads replica;

    @Override
    public HealthCheckResponse call() {
        ReplicaState state = replica.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up()
                .withData("status", state.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .withData("reportReads", state.status() == ReplicaState.Status.STREAMING ? "replica" : "primary");
        if (state.lagBytes() != null) {
            response.withData("lagBytes", state.lagBytes());
        }
        if (state.lagSeconds() != null) {
            response.withData("lagSeconds", String.format(Locale.ROOT, "%.3f", state.lagSeconds()));
        }
        if (state.checkedAt() != null) {
            response.withData("checkedAt", state.checkedAt().toString());
        }
        if (state.detail() != null) {
            response.withData("detail", state.detail());
        }
        return response.build();
    }
}
