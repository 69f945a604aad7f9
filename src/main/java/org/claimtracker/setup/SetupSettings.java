package org.claimtracker.setup;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the set-up works and as whom, read from the same environment variables as {@code ./tracker}
 * and the application.
 *
 * @param url               the tracker's database (TRACKER_DB_URL), a {@code jdbc:postgresql://} URL
 * @param appRole           the role the tracker connects as (TRACKER_DB_USER)
 * @param appPassword       its password, or null to leave the role's password alone (TRACKER_DB_PASSWORD)
 * @param adminUser         the administrator that creates roles and the database (TRACKER_DB_ADMIN_USER), or
 *                          null when a database administrator has done that and the set-up only migrates
 * @param adminPassword     the administrator's password (TRACKER_DB_ADMIN_PASSWORD)
 * @param reportingPassword the reporting role's password, or null to leave it alone (TRACKER_REPORTING_PASSWORD)
 */
public record SetupSettings(String url, String appRole, String appPassword, String adminUser, String adminPassword,
        String reportingPassword) {

    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/claimtracker";
    public static final String DEFAULT_APP_ROLE = "claimtracker";
    public static final String DEFAULT_ADMIN = "postgres";

    private static final String PREFIX = "jdbc:postgresql://";
    /** The guard role's name is the application role's with this suffix; PostgreSQL names have at most 63 bytes. */
    private static final String GUARD_SUFFIX = "_guard";

    public SetupSettings {
        if (url == null || !url.startsWith(PREFIX) || url.indexOf('/', PREFIX.length()) < 0) {
            throw new SetupException("TRACKER_DB_URL must look like jdbc:postgresql://HOST:PORT/DATABASE, not '" + url + "'");
        }
        if (appRole == null || appRole.isBlank() || appRole.length() > 63 - GUARD_SUFFIX.length()) {
            throw new SetupException("TRACKER_DB_USER must name a role of 1 to " + (63 - GUARD_SUFFIX.length()) + " characters");
        }
    }

    public static SetupSettings fromEnvironment(Map<String, String> env) {
        return new SetupSettings(
                valueOr(env.get("TRACKER_DB_URL"), DEFAULT_URL),
                valueOr(env.get("TRACKER_DB_USER"), DEFAULT_APP_ROLE),
                valueOr(env.get("TRACKER_DB_PASSWORD"), null),
                // Set but empty means "no administrator": only an unset variable takes the default.
                env.containsKey("TRACKER_DB_ADMIN_USER") ? valueOr(env.get("TRACKER_DB_ADMIN_USER"), null) : DEFAULT_ADMIN,
                valueOr(env.get("TRACKER_DB_ADMIN_PASSWORD"), null),
                valueOr(env.get("TRACKER_REPORTING_PASSWORD"), null));
    }

    private static String valueOr(String value, String otherwise) {
        return value == null || value.isEmpty() ? otherwise : value;
    }

    /** The NOLOGIN role that owns what the tracker must not change: its database, schema public and the audit trail. */
    public String guardRole() {
        return appRole + GUARD_SUFFIX;
    }

    /** The database's name. */
    public String database() {
        String path = afterHosts();
        int query = path.indexOf('?');
        return path.substring(1, query < 0 ? path.length() : query);
    }

    /** The same server's maintenance database, where roles and databases are created. */
    public String maintenanceUrl() {
        String path = afterHosts();
        int query = path.indexOf('?');
        return url.substring(0, url.length() - path.length()) + "/postgres" + (query < 0 ? "" : path.substring(query));
    }

    /** The host names of the URL (pgjdbc accepts several, comma-separated), without ports. */
    public List<String> hosts() {
        String hostList = url.substring(PREFIX.length(), url.length() - afterHosts().length());
        return Arrays.stream(hostList.split(","))
                .map(h -> h.startsWith("[") ? h.substring(1, h.indexOf(']')) : h.contains(":") ? h.substring(0, h.indexOf(':')) : h)
                .map(h -> h.isEmpty() ? "localhost" : h)
                .toList();
    }

    private String afterHosts() {
        return url.substring(url.indexOf('/', PREFIX.length()));
    }

    public SetupSettings withUrl(String otherUrl) {
        return new SetupSettings(otherUrl, appRole, appPassword, adminUser, adminPassword, reportingPassword);
    }

    public SetupSettings withReportingPassword(String password) {
        return new SetupSettings(url, appRole, appPassword, adminUser, adminPassword, password);
    }

    /** Printed instead of the record's own toString, which would show the passwords. */
    @Override
    public String toString() {
        return "database " + database() + " at " + String.join(",", hosts()) + " as " + appRole
                + (adminUser == null ? "" : ", set up by " + adminUser);
    }
}
