package org.claimtracker.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Texts;
import org.jetbrains.annotations.Nullable;

/**
 * Reads what annotation tools export into the passages they point at: one Web Annotation, a list
 * of them, an AnnotationPage or AnnotationCollection with its items (or its first page's), or a
 * Hypothesis-style export (a list of rows, or an object with {@code rows}, each with {@code uri},
 * {@code target[].source} and {@code target[].selector}, {@code text} and {@code tags}). Read as
 * plain JSON with the Web Annotation context's terms (the compacted form every tool writes); a
 * document that is none of these is a 400 naming what is wrong.
 */
final class AnnotationDocument {

    static final int MOST_ANNOTATIONS = 10_000;

    /** One annotation as read: where it points and what it says. */
    record Read(String field, @Nullable String id, @Nullable String source, @Nullable PassageFinder.Quote quote,
            @Nullable PassageFinder.Position position, @Nullable String note, @Nullable String problem) {
    }

    private AnnotationDocument() {
    }

    static List<Read> read(JsonNode document) {
        List<JsonNode> items = items(document);
        if (items.size() > MOST_ANNOTATIONS) {
            throw ApiProblem.badRequest("body", "The document holds " + items.size() + " annotations; import at most "
                    + MOST_ANNOTATIONS + " at a time");
        }
        List<Read> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            read.add(annotation("[" + i + "]", items.get(i)));
        }
        return read;
    }

    private static List<JsonNode> items(JsonNode document) {
        if (document.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            document.forEach(items::add);
            if (items.isEmpty()) {
                throw ApiProblem.badRequest("body", "The list holds no annotations");
            }
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).isObject()) {
                    throw ApiProblem.badRequest("[" + i + "]", "An annotation is a JSON object");
                }
            }
            return items;
        }
        if (!document.isObject()) {
            throw ApiProblem.badRequest("body", "Send a Web Annotation, a list of them, an AnnotationPage or"
                    + " AnnotationCollection, or a Hypothesis export");
        }
        if (hasType(document, "AnnotationPage") || hasType(document, "AnnotationCollection")) {
            JsonNode items = document.path("items");
            if (!items.isArray() && document.path("first").isObject()) {
                items = document.path("first").path("items");
            }
            if (!items.isArray()) {
                throw ApiProblem.badRequest("items", "The " + (hasType(document, "AnnotationPage") ? "page" : "collection")
                        + " holds no items (a collection must embed its first page to be imported)");
            }
            return items(items);
        }
        if (document.path("rows").isArray()) {
            return items(document.path("rows"));
        }
        if (hasType(document, "Annotation") || document.has("target")) {
            return List.of(document);
        }
        throw ApiProblem.badRequest("type", "Not a Web Annotation document: expected an Annotation, a list of them, an"
                + " AnnotationPage or AnnotationCollection with items, or a Hypothesis export (rows)");
    }

    private static boolean hasType(JsonNode node, String type) {
        JsonNode t = node.has("type") ? node.get("type") : node.get("@type");
        if (t == null) {
            return false;
        }
        if (t.isArray()) {
            for (JsonNode one : t) {
                if (isType(one, type)) {
                    return true;
                }
            }
            return false;
        }
        return isType(t, type);
    }

    private static boolean isType(JsonNode value, String type) {
        if (!value.isTextual()) {
            return false;
        }
        String text = value.asText();
        return text.equals(type) || text.equals("oa:" + type) || text.equals("http://www.w3.org/ns/oa#" + type)
                || type.startsWith("Annotation") && !type.equals("Annotation")
                        && text.equals(type.equals("AnnotationPage") ? "as:OrderedCollectionPage" : "as:OrderedCollection");
    }

    private static Read annotation(String field, JsonNode node) {
        String id = text(node.get("id"));
        if (id == null) {
            id = text(node.get("@id"));
        }
        if (id != null && (id.isBlank() || id.length() > 2000 || Texts.fault(id) != null)) {
            id = null;
        }
        String note = note(node);
        JsonNode target = node.get("target");
        if (target != null && target.isArray()) {
            // Hypothesis and some tools write a list of targets; the first with selectors is the passage.
            JsonNode chosen = null;
            for (JsonNode one : target) {
                if (one.isObject() && one.has("selector")) {
                    chosen = one;
                    break;
                }
            }
            target = chosen != null ? chosen : target.size() > 0 ? target.get(0) : null;
        }
        String source = null;
        JsonNode selectors = null;
        if (target != null && target.isTextual()) {
            source = target.asText();
        } else if (target != null && target.isObject()) {
            JsonNode s = target.get("source");
            source = s != null && s.isObject() ? text(s.get("id")) : text(s);
            if (source == null) {
                source = text(target.get("id"));
            }
            selectors = target.get("selector");
        }
        if (source == null) {
            source = text(node.get("uri"));
        }
        if (source == null) {
            return new Read(field, id, null, null, null, note, "The annotation has no target source (the article's URL)");
        }
        PassageFinder.Quote quote = null;
        PassageFinder.Position position = null;
        for (JsonNode selector : selectorList(selectors)) {
            if (quote == null && isSelector(selector, "TextQuoteSelector")) {
                String exact = text(selector.get("exact"));
                if (exact != null && !exact.isEmpty()) {
                    quote = new PassageFinder.Quote(normalise(exact), normalise(text(selector.get("prefix"))),
                            normalise(text(selector.get("suffix"))));
                }
            } else if (position == null && isSelector(selector, "TextPositionSelector")) {
                JsonNode start = selector.get("start");
                JsonNode end = selector.get("end");
                if (start != null && end != null && start.canConvertToLong() && end.canConvertToLong()
                        && start.isIntegralNumber() && end.isIntegralNumber()) {
                    position = new PassageFinder.Position(start.asLong(), end.asLong());
                }
            }
        }
        return new Read(field, id, source, quote, position, note, null);
    }

    /** A selector, a list of them, or a Choice of them, as one list. */
    private static List<JsonNode> selectorList(@Nullable JsonNode selectors) {
        List<JsonNode> list = new ArrayList<>();
        if (selectors == null) {
            return list;
        }
        if (selectors.isArray()) {
            selectors.forEach(one -> list.addAll(selectorList(one)));
        } else if (selectors.isObject()) {
            if (isSelector(selectors, "Choice") && selectors.path("items").isArray()) {
                selectors.path("items").forEach(one -> list.addAll(selectorList(one)));
            } else {
                list.add(selectors);
            }
        }
        return list;
    }

    private static boolean isSelector(JsonNode node, String type) {
        return node.isObject() && hasType(node, type);
    }

    /** The annotation's own words: its textual bodies (or a Hypothesis row's text) and tags, one per line. */
    private static @Nullable String note(JsonNode node) {
        List<String> parts = new ArrayList<>();
        String text = text(node.get("text"));
        if (text != null && !text.isBlank()) {
            parts.add(text.strip());
        }
        String bodyValue = text(node.get("bodyValue"));
        if (bodyValue != null && !bodyValue.isBlank()) {
            parts.add(bodyValue.strip());
        }
        JsonNode body = node.get("body");
        List<JsonNode> bodies = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(bodies::add);
        } else if (body != null) {
            bodies.add(body);
        }
        for (JsonNode b : bodies) {
            String value = b.isTextual() ? null : text(b.get("value"));
            if (value != null && !value.isBlank()) {
                String purpose = text(b.get("purpose"));
                parts.add(("tagging".equals(purpose) ? "#" : "") + value.strip());
            }
        }
        if (node.path("tags").isArray()) {
            node.path("tags").forEach(tag -> {
                if (tag.isTextual() && !tag.asText().isBlank()) {
                    parts.add("#" + tag.asText().strip());
                }
            });
        }
        String joined = String.join("\n", parts);
        if (joined.isEmpty() || Texts.fault(joined) != null) {
            return null;
        }
        return joined.codePointCount(0, joined.length()) > 4000
                ? joined.substring(0, joined.offsetByCodePoints(0, 3999)) + "…" : joined;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static @Nullable String normalise(@Nullable String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
