package org.claimtracker.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.claimtracker.core.ApiProblem;
import org.claimtracker.core.Texts;

/**
 * Query parameters are checked before the operation runs: in the API a name the operation does
 * not take is refused (so that a typo such as {@code responses?q=deny} is not answered with every
 * response); everywhere a value PostgreSQL could not store (a NUL character) is refused. Both
 * answers name the parameter.
 */
public class QueryCheck {

    private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        boolean api = request.getUriInfo().getPath().startsWith("/api/");
        Set<String> taken = TAKEN.computeIfAbsent(method, QueryCheck::queryParameters);
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            if (api && !taken.contains(name)) {
                throw ApiProblem.badRequest(name, taken.isEmpty()
                        ? "Unknown query parameter '" + shorten(name) + "': this operation takes none"
                        : "Unknown query parameter '" + shorten(name) + "'; this operation takes " + String.join(", ", taken));
            }
            values.forEach(value -> Texts.require(name, value));
        });
    }

    /** The query parameters a method takes, directly or through a @BeanParam (PageQuery). */
    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (java.lang.reflect.Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            } else if (parameter.isAnnotationPresent(BeanParam.class)) {
                Arrays.stream(parameter.getType().getDeclaredFields()).map(f -> f.getAnnotation(QueryParam.class))
                        .filter(q -> q != null).forEach(q -> names.add(q.value()));
            }
        }
        return names;
    }

    private static String shorten(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
    }
}
