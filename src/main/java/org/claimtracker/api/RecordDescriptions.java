package org.claimtracker.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.Extensible;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Names and describes, kind by kind, the operations every record's REST resource inherits from
 * {@code record.RecordResource}: the scanner sees them once, declared with type variables and a marker
 * ({@value #OPERATION}: create, update, patch, delete, history), so this completes each copy from the
 * texts its resource declares as class-level extensions, which the scanner puts on the resource's tag:
 * <ul>
 * <li>{@value #NOUN}: the record's name ("party"), giving the operation ids (createParty, updateParty,
 * patchParty, deleteParty, getPartyHistory) and the summaries;</li>
 * <li>{@value #CREATE}, {@value #UPDATE}, {@value #DELETE}: what is proper to this kind (what a
 * correction replaces, what a delete is refused for), as the operations' descriptions.</li>
 * </ul>
 * The 201 of a creation answers what a correction answers; a merge patch's body is derived from the
 * correction's body; the roles are those the base class requires. The extensions are removed once read.
 */
final class RecordDescriptions {

    static final String OPERATION = "x-record-operation";
    static final String NOUN = "x-record-noun";
    static final String CREATE = "x-record-create";
    static final String UPDATE = "x-record-update";
    static final String DELETE = "x-record-delete";
    private static final List<String> TEXTS = List.of(OPERATION, NOUN, CREATE, UPDATE, DELETE);

    private RecordDescriptions() {
    }

    static void describe(OpenAPI openAPI) {
        Map<String, Map<String, Object>> textsByTag = new HashMap<>();
        if (openAPI.getTags() != null) {
            for (Tag tag : openAPI.getTags()) {
                textsByTag.put(tag.getName(), take(tag));
            }
        }
        Map<String, PathItem> items = openAPI.getPaths().getPathItems();
        items.forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            Map<String, Object> own = take(operation);
            Object role = own.get(OPERATION);
            if (role == null) {
                return;
            }
            Map<String, Object> texts = operation.getTags() == null || operation.getTags().isEmpty() ? Map.of()
                    : textsByTag.getOrDefault(operation.getTags().get(0), Map.of());
            String noun = String.valueOf(texts.get(NOUN));
            if (texts.get(NOUN) == null) {
                throw new IllegalStateException(path + ": its resource declares no " + NOUN + " extension");
            }
            describe(role.toString(), noun, texts, path, operation, items);
        }));
    }

    private static void describe(String role, String noun, Map<String, Object> texts, String path, Operation operation,
            Map<String, PathItem> items) {
        String name = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        String aNoun = ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
        boolean write = !role.equals("history");
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement()
                .addScheme(OpenApiFilter.BEARER, write ? "analyst" : "viewer")));
        switch (role) {
            case "create" -> {
                operation.setOperationId("create" + name);
                operation.setSummary("Record " + aNoun);
                operation.setDescription((String) texts.get(CREATE));
                Operation correction = items.get(path + "/{id}").getPUT();
                Content answer = correction.getResponses().getAPIResponse("200").getContent();
                operation.getResponses().removeAPIResponse("200");
                operation.getResponses().addAPIResponse("201", OASFactory.createAPIResponse()
                        .description("Recorded: the new record, its address in Location").content(copy(answer)));
            }
            case "update" -> {
                operation.setOperationId("update" + name);
                operation.setSummary("Correct " + aNoun);
                operation.setDescription((String) texts.get(UPDATE));
            }
            case "patch" -> {
                operation.setOperationId("patch" + name);
                operation.setSummary("Change some fields of " + aNoun);
                operation.setDescription("A JSON Merge Patch (RFC 7396): fields left out stay as they are, null clears"
                        + " a field, lists are replaced whole. The result must be a valid " + noun + ", as for PUT.");
                Content body = items.get(path).getPUT().getRequestBody().getContent();
                MediaType json = body.getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
                operation.setRequestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType(MergePatch.MEDIA_TYPE, OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(json.getSchema().getRef())))));
            }
            case "delete" -> {
                operation.setOperationId("delete" + name);
                operation.setSummary("Delete " + aNoun);
                operation.setDescription((String) texts.get(DELETE));
            }
            case "history" -> {
                operation.setOperationId("get" + name + "History");
                operation.setSummary("The history of the record");
                operation.setDescription("Every change, oldest first: who, when, the values before and after. A deleted"
                        + " record keeps its history.");
            }
            default -> throw new IllegalStateException(path + ": unknown record operation " + role);
        }
    }

    private static Content copy(Content content) {
        Content copy = OASFactory.createContent();
        content.getMediaTypes().forEach((type, media) -> copy.addMediaType(type,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(media.getSchema().getRef()))));
        return copy;
    }

    /** Removes this class's extensions from a model element's and answers them. */
    private static Map<String, Object> take(Extensible<?> element) {
        Map<String, Object> taken = new HashMap<>();
        if (element.getExtensions() != null) {
            Map<String, Object> extensions = Map.copyOf(element.getExtensions());
            for (String name : TEXTS) {
                Object value = extensions.get(name);
                if (value != null) {
                    taken.put(name, value);
                    element.removeExtension(name);
                }
            }
        }
        return taken;
    }
}
