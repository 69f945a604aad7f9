package org.claimtracker.outlet;

/** What sort of publisher an outlet is. */
public enum OutletKind {
    news_site, wire_agency, state_media, blog, monitor_ngo
}
