package org.claimtracker.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.function.Supplier;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Texts;

/**
 * JSON Merge Patch (RFC 7396) over a record's request body: the patch is merged into the request
 * that would recreate the record as it stands, and the result is read and validated exactly like
 * the body of a PUT, so a patch can do nothing a full replacement could not, and is refused for the
 * same reasons (an unknown field, a wrong type, a required field cleared with null).
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /**
     * The request the patch turns the record's current request into; failures carry the field at
     * fault. The patch itself is checked before the record is read.
     */
    public <R> R apply(JsonNode patch, Supplier<R> current, Class<R> type) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.badRequest(null, "A merge patch is a JSON object naming the fields to change");
        }
        checkTexts(patch, "");
        R merged = mapper.treeToValue(merge(mapper.valueToTree(current.get()), patch), type);
        Set<ConstraintViolation<R>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return merged;
    }

    /** Every text of the patch must be storable; the problem names it as the request body would. */
    private static void checkTexts(JsonNode node, String path) {
        if (node.isTextual()) {
            Texts.require(path, node.textValue());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(member -> checkTexts(member.getValue(),
                    path.isEmpty() ? member.getKey() : path + "." + member.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTexts(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** RFC 7396 section 2: objects merge member by member, null removes, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        patch.fields().forEachRemaining(member -> {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        });
        return result;
    }
}
