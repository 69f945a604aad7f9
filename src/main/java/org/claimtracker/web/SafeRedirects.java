package org.claimtracker.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts right, just before the head of every answer is written, two things the HTTP layers below
 * the tracker build from the request:
 * <ul>
 * <li>Redirects. JAX-RS and the form login make every {@code Location} absolute with the request's
 * own {@code Host} header, so a proxy or cache that passes any Host would hand out links to another
 * site. A redirect (3xx) to this same host is sent as a path instead (relative references are valid
 * HTTP), so the Host header never reaches a redirect. The {@code Location} of 201 Created stays
 * absolute, as the API description promises: it answers the client's own request and is not cached.</li>
 * <li>The form login's "where to go back to" cookie. It holds the requested URL as it came; a comma,
 * semicolon, quote, space or backslash in it is not allowed in a cookie value, and writing the
 * answer then fails with no answer at all. Such characters are percent-encoded, which names the same
 * resource, so the anonymous visitor is sent to the login page and, after logging in, back.</li>
 * </ul>
 */
@ApplicationScoped
public class SafeRedirects {

    private static final String HEX = "0123456789ABCDEF";

    @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location")
    String locationCookie;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(done -> tidy(context));
            context.next();
        });
    }

    private void tidy(RoutingContext context) {
        String location = context.response().headers().get(HttpHeaders.LOCATION);
        int status = context.response().getStatusCode();
        if (location != null && status >= 300 && status < 400) {
            context.response().headers().set(HttpHeaders.LOCATION, sameHostAsPath(location, context.request()));
        }
        for (Cookie cookie : context.request().cookies(locationCookie)) {
            boolean setByThisAnswer = cookie instanceof ServerCookie server && server.isChanged();
            if (setByThisAnswer && cookie.getValue() != null) {
                String safe = cookieSafe(cookie.getValue());
                if (!safe.equals(cookie.getValue())) {
                    cookie.setValue(safe);
                }
            }
        }
    }

    /** An absolute URL on the request's own host as the path (and query) alone; anything else as it is. */
    static String sameHostAsPath(String location, HttpServerRequest request) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return location;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        if (!uri.isAbsolute() || uri.getRawAuthority() == null || host == null
                || !hostOf(uri.getRawAuthority()).equals(hostOf(host))) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        // "//evil.example" as a path would be read as another host
        if (path.startsWith("//")) {
            path = "/" + path.replaceFirst("^/+", "");
        }
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /** The host of an authority ("Host" header or URL part), without port or brackets, lower case. */
    private static String hostOf(String authority) {
        String host = authority.contains("@") ? authority.substring(authority.lastIndexOf('@') + 1) : authority;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(1, end);
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /**
     * Percent-encodes every character that may not stand in a cookie value or in a URL as Java
     * reads it back (a "%" that starts no escape included), so that the value is still the same URL.
     */
    static String cookieSafe(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder safe = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~:/?#@!$&'()*+=".indexOf(c) >= 0
                    || (c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
            if (keep) {
                safe.append((char) c);
            } else {
                safe.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return safe.toString();
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
