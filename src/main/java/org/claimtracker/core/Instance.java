package org.claimtracker.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This tracker process among the others that may serve the same database: its host, process id and
 * a random part, so that a restart on the same host is another instance. Rows an instance writes for
 * the others to read (running imports) carry it.
 */
public final class Instance {

    private static final String ID = host() + ":" + ProcessHandle.current().pid() + ":"
            + UUID.randomUUID().toString().substring(0, 8);

    private Instance() {
    }

    public static String id() {
        return ID;
    }

    private static String host() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 120 ? name.substring(0, 120) : name;
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
