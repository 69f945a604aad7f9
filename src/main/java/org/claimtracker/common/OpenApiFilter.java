package org.claimtracker.common;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the generated description: query parameters arrive as text (so that bad values get a
 * named 400) but are documented with their real types, and every operation lists the problem
 * responses it can give.
 */
public class OpenApiFilter implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final Set<String> INTEGER_PARAMETERS = Set.of("page", "size");
    private static final Set<String> DATE_PARAMETERS = Set.of("from", "to", "asOf");

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY || parameter.getSchema() == null) {
            return parameter;
        }
        String name = parameter.getName();
        if (INTEGER_PARAMETERS.contains(name) || name.endsWith("Id")) {
            parameter.getSchema().setType(List.of(Schema.SchemaType.INTEGER));
            parameter.getSchema().setFormat(name.endsWith("Id") ? "int64" : "int32");
            parameter.getSchema().setMinimum(java.math.BigDecimal.valueOf(name.equals("size") || name.endsWith("Id") ? 1 : 0));
            if (name.equals("size")) {
                parameter.getSchema().setMaximum(java.math.BigDecimal.valueOf(PageParams.MAX_SIZE));
                parameter.getSchema().setDefaultValue(PageParams.DEFAULT_SIZE);
            }
        } else if (DATE_PARAMETERS.contains(name)) {
            parameter.getSchema().setFormat("date");
        }
        return parameter;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schema fieldError = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
        Schema problem = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem document; field names the offending input")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(fieldError));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problem);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean hasId = path.contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                PathItem.HttpMethod method = entry.getKey();
                Operation operation = entry.getValue();
                if (!path.startsWith("/api/")) {
                    continue;
                }
                addProblem(operation, "400", "Malformed input: the field is named");
                if (hasId) {
                    addProblem(operation, "404", "No record with this id");
                }
                if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                    addProblem(operation, "409", "A duplicate natural key, or an edit of an older version");
                    addProblem(operation, "422", "A value breaks a rule (a quote not in the article, an unknown reference)");
                }
                if (method == PathItem.HttpMethod.DELETE) {
                    addProblem(operation, "409", "Other records still refer to this one");
                }
            }
        });
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
}
