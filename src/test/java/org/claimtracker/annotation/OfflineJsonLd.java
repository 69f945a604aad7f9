package org.claimtracker.annotation;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON-LD processor (Titanium) that knows one remote context, the W3C Web Annotation context,
 * from the copy shipped in the test resources: nothing is fetched from the network, and a document
 * that names any other remote context fails to expand.
 */
final class OfflineJsonLd {

    static final String ANNO = "http://www.w3.org/ns/anno.jsonld";

    private OfflineJsonLd() {
    }

    /** The only loader the tests use: the shipped anno.jsonld for its IRI (http or https), an error for anything else. */
    static final DocumentLoader OFFLINE = (URI url, com.apicatalog.jsonld.loader.DocumentLoaderOptions options) -> {
        String iri = url.toString();
        if (!iri.equals(ANNO) && !iri.equals("https://www.w3.org/ns/anno.jsonld")) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "no network in tests: " + iri);
        }
        try (InputStream in = OfflineJsonLd.class.getResourceAsStream("/jsonld/anno.jsonld")) {
            Document document = JsonDocument.of(in);
            document.setDocumentUrl(url);
            return document;
        } catch (java.io.IOException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
        }
    };

    /** Expands a JSON-LD text; a processing error fails the caller. */
    static JsonArray expand(String json) throws JsonLdError {
        Document document = JsonDocument.of(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return expandWith(document);
    }

    private static JsonArray expandWith(Document document) throws JsonLdError {
        return com.apicatalog.jsonld.JsonLd.expand(document).loader(OFFLINE).get();
    }

    /** Every IRI in the expanded form: property names, @type values and @id values. */
    static Set<String> iris(JsonValue value) {
        Set<String> found = new TreeSet<>();
        collect(value, found);
        return found;
    }

    private static void collect(JsonValue value, Set<String> found) {
        if (value instanceof jakarta.json.JsonObject object) {
            object.forEach((key, inner) -> {
                if (!key.startsWith("@")) {
                    found.add(key);
                }
                if ((key.equals("@type") || key.equals("@id")) && inner instanceof jakarta.json.JsonString s) {
                    found.add(s.getString());
                }
                collect(inner, found);
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(inner -> {
                if (inner instanceof jakarta.json.JsonString s && s.getString().contains("://")) {
                    found.add(s.getString());
                }
                collect(inner, found);
            });
        }
    }
}
