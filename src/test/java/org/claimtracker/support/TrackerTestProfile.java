package org.claimtracker.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the test database for every @QuarkusTest in the run (restrictToAnnotatedClass =
 * false), so all tests share one application start.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
public final class TrackerTestProfile {

    private TrackerTestProfile() {
    }
}
