package org.claimtracker.core;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** One typeahead suggestion: the value put in the input ("Name [#id]") and a hint shown beside it. */
public record Suggestion(String value, String label) {

    /** One suggestion per item: its name tagged with its id, and the hint. */
    public static <T> List<Suggestion> of(List<T> items, Function<T, String> name, ToLongFunction<T> id,
            Function<T, String> hint) {
        return items.stream().map(item -> new Suggestion(tagged(name.apply(item), id.applyAsLong(item)), hint.apply(item)))
                .toList();
    }

    public static String tagged(String name, long id) {
        return name + " [#" + id + "]";
    }

    /** A reference as a picker's input shows it ("Name [#id]"); null for none. */
    public static String tagged(Ref ref) {
        return ref == null ? null : tagged(ref.name(), ref.id());
    }
}
