package org.claimtracker.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.claimtracker.core.PageParams;
import org.claimtracker.core.Problem;

/**
 * Completes the generated description so that it says everything the API does:
 * <ul>
 * <li>query parameters arrive as text (so that bad values get a named 400) but are documented with
 * their real types;</li>
 * <li>the bearer-token security scheme, required everywhere but where an operation says otherwise;</li>
 * <li>the headers every answer carries (rate limit, CORS) and the problem answers every operation
 * can give (400, 401, 404, 409, 412, 422, 428, 429, 500, 503);</li>
 * <li>bounds on every value: the tracker refuses longer strings, larger numbers and longer lists
 * than it stores, and never answers with more;</li>
 * <li>the shape of answers: every field of a record the API answers with is always present (a value
 * that can be absent is written as null and declared nullable where the record says
 * {@code @Nullable}); request bodies refuse fields they do not name;</li>
 * <li>the headers of records (ETag) and of creations (Location), and the merge-patch bodies of
 * PATCH, derived from the request body of the record's PUT;</li>
 * <li>only the API: the admin pages and the login form are left out, in this one place.</li>
 * </ul>
 */
public class OpenApiFilter implements OASFilter {

    /**
     * Marks an operation that sends an export (the value says what it is called in the answers'
     * descriptions: "export", "report"): its 429 and 503 then say why, once here for all of them, since
     * exports in progress are limited per account and in all (core.ExportLimits) and read within
     * TRACKER_EXPORT_TIMEOUT. Removed once read.
     */
    public static final String EXPORT = "x-export";
    /**
     * Names the date a list's {@link DateRange} bounds ("Published", "Stated"), completing the from and
     * to parameters' descriptions. Removed once read.
     */
    public static final String DATED = "x-dated";
    private static final String PROBLEM = "#/components/schemas/Problem";
    static final String BEARER = "bearerToken";
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
                .description("A token made in the admin pages (API tokens) or with ./tracker token, or by another token"
                        + " with POST /api/tokens (an opaque string, not a JWT), sent as 'Authorization: Bearer <token>'."
                        + " Tokens expire (30 days by default) and can be revoked."));
        headers().forEach(components::addHeader);
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("This tracker, wherever it runs: production, staging or a local run (./tracker run)")
                .addExtension("x-internal", true)));

        if (openAPI.getPaths() != null) {
            // The admin pages, the login form and their suggestion lists are for browsers, not clients.
            new ArrayList<>(openAPI.getPaths().getPathItems().keySet()).stream().filter(path -> !path.startsWith("/api/"))
                    .forEach(openAPI.getPaths()::removePathItem);
            RecordDescriptions.describe(openAPI);
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                    describeAnswers(path, entry.getKey(), entry.getValue());
                    describeDates(entry.getValue());
                    describeHeaders(openAPI, entry.getKey(), entry.getValue());
                }
                if (item.getPATCH() != null) {
                    describeMergePatch(openAPI, item.getPATCH());
                }
            });
        }
        namePages(openAPI);
        shapeRecords(openAPI);
        bound(openAPI);
        dropUnused(openAPI);
    }

    private static void describeAnswers(String path, PathItem.HttpMethod method, Operation operation) {
        boolean hasId = path.contains("{");
        boolean withBody = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        boolean write = withBody || method == PathItem.HttpMethod.DELETE;
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
        boolean conditional = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        if (conditional) {
            addProblem(operation, "412", "The record changed since it was read (If-Match does not match)");
            addProblem(operation, "428", "If-Match is missing, or is * (the tracker never overwrites a version"
                    + " the client has not seen)");
        }
        if (withBody) {
            addProblem(operation, "411", "The body does not declare its length (Content-Length)");
            addProblem(operation, "413", "The body is larger than the limit");
            addProblem(operation, "415", "The body is not of a type this operation takes");
        }
        addProblem(operation, "406", "No acceptable representation: ask for what the operation answers with");
        Object export = take(operation, EXPORT);
        if (export != null) {
            addProblem(operation, "429", "This account already has as many exports in progress as it may (or has made"
                    + " too many requests); try again after Retry-After seconds");
            addProblem(operation, "503", "The tracker has as many exports in progress as it may, the database is"
                    + " unavailable, or the " + export + " took longer than TRACKER_EXPORT_TIMEOUT to read; try again"
                    + " after Retry-After seconds (or ask for less)");
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

    /**
     * Removes one of this class's markers from an operation (and from its answers, onto which the
     * scanner copies a method's extensions) and answers its value, or null.
     */
    private static Object take(Operation operation, String name) {
        Object value = operation.getExtensions() == null ? null : operation.getExtensions().get(name);
        if (value != null) {
            operation.removeExtension(name);
            operation.getResponses().removeExtension(name);
            operation.getResponses().getAPIResponses().values().forEach(answer -> answer.removeExtension(name));
        }
        return value;
    }

    /** The from and to of a {@link DateRange}, described with the date they bound. */
    private static void describeDates(Operation operation) {
        Object dated = take(operation, DATED);
        if (dated == null || operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.QUERY && Set.of("from", "to").contains(parameter.getName())) {
                parameter.setDescription(dated + (parameter.getName().equals("from") ? " on or after" : " on or before")
                        + ", YYYY-MM-DD");
            }
        }
    }

    /** Sorted by name, so that the description is the same byte for byte from one build to the next. */
    private static Map<String, Header> headers() {
        return new java.util.TreeMap<>(Map.of(
                "RateLimit-Limit", header("Requests a client may make a minute", integer(0, Integer.MAX_VALUE)),
                "RateLimit-Remaining", header("Requests left in the client's allowance", integer(0, Integer.MAX_VALUE)),
                "RateLimit-Reset", header("Seconds until the allowance is full again (after a 429: until the next"
                        + " request is allowed)", integer(0, Integer.MAX_VALUE)),
                "Retry-After", header("Seconds to wait before trying again", integer(0, 86_400)),
                "ETag", header("The record's version, quoted: send it back in If-Match to change or delete the record",
                        OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(24)
                                .pattern("^\"[0-9]+\"$")).required(true),
                "Location", header("The address of the record just made", OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.STRING)).format("uri").maxLength(2000)).required(true),
                "Access-Control-Allow-Origin", header("Present when the request comes from an origin allowed by"
                        + " TRACKER_CORS_ORIGINS", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                                .maxLength(2000).format("uri"))));
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
                .addProperty("message", text)
                .required(List.of("field", "message"));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem document; field names the offending input")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(200)
                        .format("uri"))
                .addProperty("title", text)
                .addProperty("status", integer(400, 599))
                .addProperty("detail", text)
                .addProperty("field", text)
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(fieldError)
                        .maxItems(1000))
                .required(List.of("type", "title", "status", "detail"));
    }

    /**
     * Describes a problem answer; an answer the scanner described without a body (the 400 of a
     * validated body, the 401 and 403 of a secured operation) gets the problem document it carries.
     */
    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing != null && existing.getContent() != null && existing.getContent().getMediaTypes() != null
                && !existing.getContent().getMediaTypes().isEmpty()) {
            return;
        }
        Content problem = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
        if (existing != null) {
            existing.setContent(problem);
            existing.setDescription(description);
            return;
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(problem));
    }

    /**
     * ETag on every answer that carries one versioned record (reads, replacements, patches and
     * creations), Location on every creation.
     */
    private static void describeHeaders(OpenAPI openAPI, PathItem.HttpMethod method, Operation operation) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2") || response.getContent() == null || response.getContent().getMediaTypes() == null) {
                return;
            }
            boolean versioned = response.getContent().getMediaTypes().values().stream()
                    .map(media -> resolve(openAPI, media.getSchema()))
                    .anyMatch(schema -> schema != null && schema.getProperties() != null
                            && schema.getProperties().containsKey("version") && schema.getProperties().containsKey("id"));
            if (versioned) {
                response.addHeader("ETag", OASFactory.createHeader().ref("#/components/headers/ETag"));
            }
            if (status.equals("201") && method == PathItem.HttpMethod.POST) {
                response.addHeader("Location", OASFactory.createHeader().ref("#/components/headers/Location"));
            }
        });
    }

    /**
     * A PATCH body is a JSON Merge Patch (RFC 7396) of the record's request body: every field may
     * be left out (kept as it is) or null (cleared; refused for a required field), objects merge
     * field by field, lists are replaced whole. Its schema is derived from the request body
     * schema the operation names, so that the two never drift apart.
     */
    private static void describeMergePatch(OpenAPI openAPI, Operation patch) {
        if (patch.getRequestBody() == null || patch.getRequestBody().getContent() == null) {
            return;
        }
        MediaType media = patch.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
        if (media == null || media.getSchema() == null || media.getSchema().getRef() == null) {
            return;
        }
        media.setSchema(OASFactory.createSchema().ref(patchSchema(openAPI, componentName(media.getSchema().getRef()))));
    }

    private static String patchSchema(OpenAPI openAPI, String name) {
        String patchName = name + "Patch";
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas.containsKey(patchName)) {
            return "#/components/schemas/" + patchName;
        }
        Schema full = schemas.get(name);
        Schema patch = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("A JSON Merge Patch (RFC 7396) of " + name + ": a field left out stays as it is, null"
                        + " clears it (a required field cannot be cleared), an object merges field by field, a list"
                        + " is replaced whole");
        openAPI.getComponents().addSchema(patchName, patch);
        full.getProperties().forEach((field, property) -> {
            Schema target = resolve(openAPI, property);
            Schema value = property;
            if (property.getRef() != null && target != null && target.getProperties() != null) {
                value = OASFactory.createSchema().ref(patchSchema(openAPI, componentName(property.getRef())));
            }
            // A copy: the request body's own property keeps saying whether it may be null.
            patch.addProperty(field, nullable(value == property ? copy(property) : value));
        });
        return "#/components/schemas/" + patchName;
    }

    private static Schema copy(Schema schema) {
        Schema copy = OASFactory.createSchema();
        copy.setAll(new java.util.LinkedHashMap<>(schema.getAll()));
        return copy;
    }

    private static Schema nullable(Schema schema) {
        if (schema.getType() != null) {
            if (!schema.getType().contains(Schema.SchemaType.NULL)) {
                List<Schema.SchemaType> types = new ArrayList<>(schema.getType());
                types.add(Schema.SchemaType.NULL);
                schema.setType(types);
            }
            return schema;
        }
        if (schema.getAnyOf() != null && schema.getAnyOf().stream()
                .anyMatch(s -> s.getType() != null && s.getType().contains(Schema.SchemaType.NULL))) {
            return schema;
        }
        return OASFactory.createSchema().anyOf(List.of(schema,
                OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
    }

    /**
     * A page of records is named after the records' schema (PageOutletView for a page of
     * OutletView), not after the Java class behind them, so that renaming a class never renames what
     * clients were generated with.
     */
    private static void namePages(OpenAPI openAPI) {
        Map<String, String> renamed = new java.util.HashMap<>();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            Schema items = schema.getProperties() == null ? null : schema.getProperties().get("items");
            if (name.startsWith("Page") && items != null && items.getItems() != null && items.getItems().getRef() != null) {
                String wanted = "Page" + componentName(items.getItems().getRef());
                if (!wanted.equals(name)) {
                    renamed.put(name, wanted);
                }
            }
        });
        renamed.forEach((from, to) -> {
            Schema schema = openAPI.getComponents().getSchemas().get(from);
            openAPI.getComponents().removeSchema(from);
            openAPI.getComponents().addSchema(to, schema);
        });
        if (!renamed.isEmpty()) {
            forEachOperation(openAPI, op -> {
                if (op.getResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> {
                        List<Schema> found = new ArrayList<>();
                        collectContent(r.getContent(), found, new IdentityHashMap<>());
                        found.stream().filter(x -> x.getRef() != null && renamed.containsKey(componentName(x.getRef())))
                                .forEach(x -> x.setRef("#/components/schemas/" + renamed.get(componentName(x.getRef()))));
                    });
                }
            });
        }
    }

    /**
     * Records the API answers with are written whole: every field is present, null where the
     * record allows it. Request bodies name every field they take and refuse any other.
     */
    private static void shapeRecords(OpenAPI openAPI) {
        Set<String> requests = new HashSet<>();
        Set<String> answers = new HashSet<>();
        forEachOperation(openAPI, op -> {
            if (op.getRequestBody() != null) {
                reachable(openAPI, op.getRequestBody().getContent(), requests);
            }
            if (op.getResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> reachable(openAPI, r.getContent(), answers));
            }
        });
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
                return;
            }
            if (requests.contains(name)) {
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            } else if (answers.contains(name) && schema.getRequired() == null) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        });
    }

    /** The names of the component schemas a content's schemas lead to, directly or through others. */
    private static void reachable(OpenAPI openAPI, Content content, Set<String> names) {
        List<Schema> found = new ArrayList<>();
        collectContent(content, found, new IdentityHashMap<>());
        for (Schema schema : found) {
            if (schema.getRef() != null) {
                String name = componentName(schema.getRef());
                if (names.add(name)) {
                    Schema target = openAPI.getComponents().getSchemas().get(name);
                    if (target != null) {
                        reachable(openAPI, OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(target)), names);
                    }
                }
            }
        }
    }

    /** Component schemas nothing refers to any more (Jackson's JsonNode, java.time types) are left out. */
    private static void dropUnused(OpenAPI openAPI) {
        Set<String> used = new HashSet<>();
        forEachOperation(openAPI, op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> reachable(openAPI, OASFactory.createContent().addMediaType("text/plain",
                        OASFactory.createMediaType().schema(p.getSchema())), used));
            }
            if (op.getRequestBody() != null) {
                reachable(openAPI, op.getRequestBody().getContent(), used);
            }
            if (op.getResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> reachable(openAPI, r.getContent(), used));
            }
        });
        new ArrayList<>(openAPI.getComponents().getSchemas().keySet()).stream().filter(name -> !used.contains(name))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    private static void forEachOperation(OpenAPI openAPI, java.util.function.Consumer<Operation> action) {
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(action));
        }
    }

    private static Schema resolve(OpenAPI openAPI, Schema schema) {
        if (schema == null || schema.getRef() == null) {
            return schema;
        }
        return openAPI.getComponents().getSchemas().get(componentName(schema.getRef()));
    }

    private static String componentName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
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
