package org.claimtracker.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with named parameters ({@code :claim}), as JDBC takes it: each name the
 * marker pattern finds becomes {@code ?}, and {@code names} lists them in their order, a name used
 * twice listed twice. The pattern's first group is the name; it decides what counts as a parameter
 * (the second colon of a cast, {@code ::text}, must not).
 */
public record NamedSql(String sql, List<String> names) {

    public static NamedSql of(String named, Pattern marker) {
        Matcher found = marker.matcher(named);
        StringBuilder sql = new StringBuilder();
        List<String> names = new ArrayList<>();
        while (found.find()) {
            names.add(found.group(1));
            found.appendReplacement(sql, "?");
        }
        return new NamedSql(found.appendTail(sql).toString(), List.copyOf(names));
    }
}
