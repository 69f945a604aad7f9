package org.claimtracker.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The overview pictures as the dashboard shows them, reached from its template as
 * {@code inject:dashboardMatrix} so that the dashboard's own resource need not change.
 */
@Named("dashboardMatrix")
@RequestScoped
public class DashboardMatrix {

    /** Claimants and accused parties shown on the dashboard. */
    static final int LIMIT = 8;

    @Inject
    AccusationService accusations;

    /** Who accuses whom, the eight claimants and accused parties with the most claims, unfiltered. */
    public String matrix() {
        AccusationService.Filter none = AccusationService.Filter.none();
        return OverviewPictures.matrix(accusations.matrix(none, LIMIT), none, "", "dashboard-accusation-matrix", false);
    }
}
