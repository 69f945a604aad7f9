package org.claimtracker.core;

import java.util.Locale;

/** Host names and addresses that only this machine can reach. */
public final class Hosts {

    private Hosts() {
    }

    /** localhost, 127.0.0.0/8 and ::1 (bracketed or not); anything else may be reachable from elsewhere. */
    public static boolean loopback(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
