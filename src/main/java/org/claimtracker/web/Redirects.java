package org.claimtracker.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Post/redirect/get: every successful form post answers 303 See Other. */
public final class Redirects {

    private Redirects() {
    }

    /** A 303 to {@code path}; {@code done} becomes the flash message, placed before any #fragment. */
    public static Response to(String path, String done) {
        if (done == null) {
            return Response.seeOther(URI.create(path)).build();
        }
        int hash = path.indexOf('#');
        String address = hash < 0 ? path : path.substring(0, hash);
        String fragment = hash < 0 ? "" : path.substring(hash);
        return Response.seeOther(URI.create(address + (address.contains("?") ? "&" : "?") + "done=" + done + fragment)).build();
    }
}
