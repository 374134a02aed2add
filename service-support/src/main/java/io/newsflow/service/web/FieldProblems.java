package io.newsflow.service.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one rendering of "these fields are invalid" in every service: a 400 problem whose
 * {@code errors} member lists {@code {"field", "message"}} pairs, a field being a body
 * path ({@code captions[0].text}) or a query parameter ({@code limit}).
 */
public final class FieldProblems {

    private FieldProblems() {
    }

    /** One entry of {@code errors}. */
    public static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    /** A 400 naming one field: its detail reads "field message". */
    public static ProblemDetail invalid(String field, String message) {
        Map<String, String> error = error(field, message);
        ProblemDetail problem = invalid(List.of(error));
        problem.setDetail(field + " " + error.get("message"));
        return problem;
    }

    public static ProblemDetail invalid(InvalidFieldException ex) {
        return invalid(ex.field(), ex.getMessage());
    }

    /** A 400 naming several fields, each an {@link #error} entry. */
    public static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields: "
                        + String.join(", ", errors.stream().map(e -> e.get("field")).toList()));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

}
