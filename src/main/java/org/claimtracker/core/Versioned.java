package org.claimtracker.core;

/** A record view that carries its id and version; REST answers send the version as the ETag. */
public interface Versioned {

    long id();

    long version();
}
