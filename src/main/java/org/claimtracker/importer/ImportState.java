package org.claimtracker.importer;

/** Where an import stands (ImportProgress.state; the CHECK import_run_state_check of V19). */
public enum ImportState {
    running, imported, checked, refused, failed
}
