package io.newsflow.projection.read;

import java.util.List;
import java.util.Map;

import com.mongodb.MongoExecutionTimeoutException;

import io.newsflow.service.web.FieldProblems;
import io.newsflow.service.web.InvalidFieldException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem details for the read APIs of the consumer services, mapped once. */
@RestControllerAdvice
public class ReadApiProblemDetails extends ResponseEntityExceptionHandler {

    /** What a 503 after a query that ran out of time tells the client to wait. */
    static final String RETRY_AFTER_SECONDS = "2";

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidFieldException ex) {
        return FieldProblems.invalid(ex);
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        return FieldProblems.invalid(ex.getName(), "has an invalid value");
    }

    /**
     * The store gave up on a query at its time limit: the request was too expensive for
     * now.
     */
    @ExceptionHandler({ QueryTimeoutException.class, MongoExecutionTimeoutException.class })
    ResponseEntity<ProblemDetail> queryTimedOut(Exception ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The query took longer than the read API allows; narrow it (a board, an outlet, a time range) "
                        + "or retry later");
        problem.setTitle("Query time limit reached");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
            .body(problem);
    }

}
