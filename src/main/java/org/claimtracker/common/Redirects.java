package org.claimtracker.common;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Post/redirect/get: every successful form post answers 303 See Other. */
public final class Redirects {

    private Redirects() {
    }

    public static Response to(String path, String done) {
        String target = done == null ? path : path + (path.contains("?") ? "&" : "?") + "done=" + done;
        return Response.seeOther(URI.create(target)).build();
    }
}
