package org.hindcast.problems;

import java.util.List;

/** A refusal the service decides on itself: answered as problem+json with the given status. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ApiException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ApiException notFound(String what, Object key) {
        return new ApiException(404, "Not Found", "No " + what + " '" + key + "'.");
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(400, "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A 400 naming every field a request got wrong. */
    public static ApiException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(java.util.stream.Collectors.joining("; "));
        return new ApiException(400, "Invalid request", detail, List.copyOf(errors));
    }

    /** Refuses with every field error at once, or returns when there is none. */
    public static void refuseIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), null, errors);
    }
}
