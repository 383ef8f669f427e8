package org.hindcast.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error of the API leaves as RFC 9457 problem+json. Database refusals are translated too:
 * the constraints in the schema are the last line of defence, and their answer is still a 4xx.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = fieldErrors(e.getConstraintViolations());
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem("about:blank", "Invalid request", 400, detail, null, errors));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        String message = e.getOriginalMessage();
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        List<Problem.FieldError> errors = field == null ? null : List.of(new Problem.FieldError(field, message));
        String detail = field == null ? "The body is not valid JSON: " + message : field + ": " + message;
        return respond(new Problem("about:blank", "Invalid request", 400, detail, null, errors));
    }

    // Quarkus REST ships mappers for these subclasses; these make them problem+json as well.
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response jsonParse(com.fasterxml.jackson.core.JsonParseException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.status(401)
                .header("WWW-Authenticate", "Basic realm=\"hindcast\"")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "Unauthorized", "Sign in to do this."))
                .build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Response.status(401)
                .header("WWW-Authenticate", "Basic realm=\"hindcast\"")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "Unauthorized", "The user name or password is not right."))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your roles do not allow this."));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return staleVersion();
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return staleVersion();
    }

    /**
     * PostgreSQL unreachable: 503 with Retry-After, as problem+json for API clients and as a page for browsers.
     * The page is self-contained: drawing the site's layout would need the database that is missing.
     */
    static Response unavailable(jakarta.ws.rs.core.UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        if (wantsPage(uri, headers)) {
            return Response.status(503).header("Retry-After", "5").type("text/html;charset=UTF-8").entity(
                    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hindcast is unavailable</title>"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main>"
                    + "<h1>Hindcast is unavailable for a moment</h1><p>The ledger's database cannot be reached. Nothing you "
                    + "sent was stored. The service reconnects by itself: try again in a few seconds.</p></main></body></html>")
                    .build();
        }
        return Response.status(503).header("Retry-After", "5").type(Problem.MEDIA_TYPE)
                .entity(Problem.of(503, "Service Unavailable",
                        "The database cannot be reached. Nothing was stored; try again in a few seconds."))
                .build();
    }

    /** A browser asking for a page (not the API, the feeds or the operations endpoints). */
    static boolean wantsPage(jakarta.ws.rs.core.UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        return wantsPage(uri, headers == null ? List.of() : headers.getAcceptableMediaTypes());
    }

    public static boolean wantsPage(jakarta.ws.rs.core.UriInfo uri, List<jakarta.ws.rs.core.MediaType> acceptable) {
        String path = uri == null ? "/api" : "/" + uri.getPath().replaceFirst("^/", "");
        return !(path.startsWith("/api") || path.startsWith("/q/") || path.startsWith("/feeds"))
                && acceptable.stream().anyMatch(m -> m.isCompatible(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE) && !m.isWildcardType());
    }

    @ServerExceptionMapper
    public Response sql(SQLException e, jakarta.ws.rs.core.UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        if (DatabaseDown.is(e)) {
            return unavailable(uri, headers);
        }
        LOG.error("Unhandled database error", e);
        return respond(Problem.of(500, "Internal Server Error", "The request could not be completed."));
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, jakarta.ws.rs.core.UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers) {
        if (DatabaseDown.is(e)) {
            return unavailable(uri, headers);
        }
        if (e instanceof OptimisticLockException || causeOf(e, StaleStateException.class) != null) {
            return staleVersion();
        }
        SQLException sql = causeOf(e, SQLException.class);
        if (sql != null && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            String constraint = constraintName(sql);
            switch (state) {
                case "23505":
                    return respond(Problem.of(409, "Conflict", "That would duplicate an existing record"
                            + (constraint == null ? "." : " (" + constraint + ").")));
                case "22021", "22P05":
                    return respond(Problem.of(400, "Invalid request",
                            "The text holds a character that cannot be stored (such as a NUL byte)."));
                case "23514", "23502", "22001", "22003", "22007", "22008", "54000":
                    return respond(Problem.of(400, "Invalid request", "The database refused the values"
                            + (constraint == null ? "." : " (" + constraint + ").")));
                case "23503":
                    return respond(Problem.of(409, "Conflict", "A record it refers to is missing or still in use"
                            + (constraint == null ? "." : " (" + constraint + ").")));
                case "40001", "40P01":
                    return respond(Problem.of(409, "Conflict", "A concurrent write got there first; try again."));
                default:
                    break;
            }
        }
        LOG.error("Unhandled persistence error", e);
        return respond(Problem.of(500, "Internal Server Error", "The request could not be stored."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST wraps some parser refusals (a key given twice, say): name what the parser found.
            return json(json);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        return respond(Problem.of(status, title, detail));
    }

    private static Response staleVersion() {
        return respond(Problem.of(409, "Conflict",
                "The record was changed by someone else since you read it; read it again and retry."));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The field errors of a set of constraint violations, by field name, as a request names the fields. */
    public static List<Problem.FieldError> fieldErrors(java.util.Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // Strip the method and parameter prefix of a resource-method violation: "create.body.title" -> "title"
        List<String> parts = new ArrayList<>();
        v.getPropertyPath().forEach(node -> {
            if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                // an element of a list: "themes.<list element>[0]" is "themes[0]"
                if (!parts.isEmpty() && node.getIndex() != null) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                }
            } else if (node.getName() != null) {
                parts.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
            }
        });
        if (parts.size() > 2 && v.getExecutableParameters() != null) {
            return String.join(".", parts.subList(2, parts.size()));
        }
        if (parts.size() == 2 && v.getExecutableParameters() != null) {
            return parts.get(1);
        }
        return String.join(".", parts);
    }

    private static String constraintName(SQLException sql) {
        if (sql instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getConstraint();
        }
        return null;
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
