package org.claimtracker.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the generated description so that it says everything the API does:
 * <ul>
 * <li>query parameters arrive as text (so that bad values get a named 400) but are documented with
 * their real types;</li>
 * <li>the bearer-token security scheme, required everywhere but where an operation says otherwise;</li>
 * <li>the headers every answer carries (rate limit, CORS) and the problem answers every operation
 * can give (400, 401, 404, 409, 412, 422, 428, 429, 500, 503);</li>
 * <li>bounds on every value: the tracker refuses longer strings, larger numbers and longer lists
 * than it stores, and never answers with more.</li>
 * </ul>
 */
public class OpenApiFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String BEARER = "bearerToken";
    private static final Set<String> INTEGER_PARAMETERS = Set.of("page", "size");
    private static final Set<String> DATE_PARAMETERS = Set.of("from", "to", "asOf");
    /** The longest text the tracker stores: an article of 1,000,000 characters. */
    private static final long LONGEST_TEXT = 1_000_000;
    /** More items than any list the tracker answers with holds. */
    private static final int MOST_ITEMS = 100_000;
    private static final List<String> RESPONSE_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset", "Access-Control-Allow-Origin");

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY || parameter.getSchema() == null) {
            return parameter;
        }
        String name = parameter.getName();
        Schema schema = parameter.getSchema();
        if (INTEGER_PARAMETERS.contains(name) || name.endsWith("Id")) {
            schema.setType(List.of(Schema.SchemaType.INTEGER));
            schema.setFormat(name.endsWith("Id") ? "int64" : "int32");
            schema.setMaxLength(null);
            schema.setMinimum(BigDecimal.valueOf(name.equals("size") || name.endsWith("Id") ? 1 : 0));
            if (name.equals("size")) {
                schema.setMaximum(BigDecimal.valueOf(PageParams.MAX_SIZE));
                schema.setDefaultValue(PageParams.DEFAULT_SIZE);
            } else if (name.equals("page")) {
                schema.setMaximum(BigDecimal.valueOf(1_000_000));
            }
        } else if (DATE_PARAMETERS.contains(name)) {
            schema.setFormat("date");
        } else if (name.equals("q")) {
            schema.setMaxLength(200);
        }
        return parameter;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Problem", problemSchema());
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A token from POST /api/tokens (an opaque string, not a JWT), sent as"
                        + " 'Authorization: Bearer <token>'. Tokens expire (30 days by default) and can be revoked."));
        headers().forEach(components::addHeader);
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("This tracker, wherever it runs: production, staging or a local run (./tracker run)")
                .addExtension("x-internal", true)));

        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                    describeAnswers(path, entry.getKey(), entry.getValue());
                }
            });
        }
        bound(openAPI);
    }

    private static void describeAnswers(String path, PathItem.HttpMethod method, Operation operation) {
        boolean hasId = path.contains("{");
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE;
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        addProblem(operation, "400", "Malformed input: the problem names the field");
        if (secured) {
            addProblem(operation, "401", "No valid bearer token");
            addProblem(operation, "403", "The account's role does not allow this");
        }
        if (hasId) {
            addProblem(operation, "404", "No record with this id");
        }
        if (write) {
            addProblem(operation, "409", "A duplicate natural key, or other records still refer to this one");
            addProblem(operation, "422", "A value breaks a rule (a quote not in the article, an unknown reference)");
        }
        if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE) {
            addProblem(operation, "412", "The record changed since it was read (If-Match does not match)");
            addProblem(operation, "428", "If-Match is missing");
        }
        if (method == PathItem.HttpMethod.POST) {
            addProblem(operation, "413", "The body is larger than the limit");
            addProblem(operation, "415", "The body is not JSON");
        }
        addProblem(operation, "429", "Too many requests (or failed logins): wait as Retry-After says");
        operation.getResponses().getAPIResponse("429").addHeader("Retry-After",
                OASFactory.createHeader().ref("#/components/headers/Retry-After"));
        addProblem(operation, "500", "An unexpected failure; the problem holds an incident id to find it in the log");
        addProblem(operation, "503", "The database cannot be reached just now; nothing was changed");
        operation.getResponses().getAPIResponse("503").addHeader("Retry-After",
                OASFactory.createHeader().ref("#/components/headers/Retry-After"));
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            // The rate limit is counted before anything else answers; a 5xx still says the CORS origin.
            List<String> headers = status.startsWith("2") || status.startsWith("4") ? RESPONSE_HEADERS
                    : List.of("Access-Control-Allow-Origin");
            for (String header : headers) {
                if (response.getHeaders() == null || !response.getHeaders().containsKey(header)) {
                    response.addHeader(header, OASFactory.createHeader().ref("#/components/headers/" + header));
                }
            }
        });
    }

    private static Map<String, Header> headers() {
        return Map.of(
                "RateLimit-Limit", header("Requests a client may make a minute", integer(0, Integer.MAX_VALUE)),
                "RateLimit-Remaining", header("Requests left in the client's allowance", integer(0, Integer.MAX_VALUE)),
                "RateLimit-Reset", header("Seconds until the allowance is full again (after a 429: until the next"
                        + " request is allowed)", integer(0, Integer.MAX_VALUE)),
                "Retry-After", header("Seconds to wait before trying again", integer(0, 86_400)),
                "Access-Control-Allow-Origin", header("Present when the request comes from an origin allowed by"
                        + " TRACKER_CORS_ORIGINS", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                                .maxLength(2000).format("uri")));
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Schema integer(long minimum, long maximum) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                .minimum(BigDecimal.valueOf(minimum)).maximum(BigDecimal.valueOf(maximum));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(4000);
        Schema fieldError = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", text)
                .addProperty("message", text);
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem document; field names the offending input")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(200)
                        .format("uri"))
                .addProperty("title", text)
                .addProperty("status", integer(400, 599))
                .addProperty("detail", text)
                .addProperty("field", text)
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(fieldError)
                        .maxItems(1000));
    }

    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
        operation.getResponses().addAPIResponse(status, response);
    }

    /** Gives every integer, string and list in the description the bounds the tracker enforces. */
    private static void bound(OpenAPI openAPI) {
        List<Schema> schemas = new ArrayList<>();
        Map<Schema, Boolean> seen = new IdentityHashMap<>();
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(s -> collect(s, schemas, seen));
        }
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> collect(p.getSchema(), schemas, seen));
                }
                if (op.getRequestBody() != null) {
                    collectContent(op.getRequestBody().getContent(), schemas, seen);
                }
                if (op.getResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> collectContent(r.getContent(), schemas, seen));
                }
            }));
        }
        for (Schema schema : schemas) {
            List<Schema.SchemaType> types = schema.getType();
            if (types == null) {
                continue;
            }
            if (types.contains(Schema.SchemaType.INTEGER)) {
                boolean wide = schema.getFormat() == null || schema.getFormat().equals("int64");
                if (schema.getFormat() == null) {
                    schema.setFormat("int64");
                }
                if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                    schema.setMinimum(BigDecimal.ZERO);
                }
                if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                    schema.setMaximum(BigDecimal.valueOf(wide ? Long.MAX_VALUE : Integer.MAX_VALUE));
                }
            }
            if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null
                    && schema.getConstValue() == null) {
                String format = schema.getFormat();
                schema.setMaxLength(format == null ? (int) LONGEST_TEXT
                        : switch (format) {
                            case "date" -> 10;
                            case "date-time" -> 35;
                            default -> 2000;
                        });
            }
            if (types.contains(Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
                schema.setMaxItems(MOST_ITEMS);
            }
        }
    }

    private static void collectContent(Content content, List<Schema> schemas, Map<Schema, Boolean> seen) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType media : content.getMediaTypes().values()) {
                collect(media.getSchema(), schemas, seen);
            }
        }
    }

    private static void collect(Schema schema, List<Schema> schemas, Map<Schema, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        schemas.add(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collect(p, schemas, seen));
        }
        collect(schema.getItems(), schemas, seen);
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> collect(s, schemas, seen));
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(s -> collect(s, schemas, seen));
        }
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(s -> collect(s, schemas, seen));
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            collect(schema.getAdditionalPropertiesSchema(), schemas, seen);
        }
    }
}
