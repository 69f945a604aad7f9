package org.claimtracker.common;

/** A record view that carries its version; REST answers send it as the ETag. */
public interface Versioned {

    long version();
}
