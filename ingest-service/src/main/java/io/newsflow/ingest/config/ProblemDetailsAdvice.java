package io.newsflow.ingest.config;

import java.util.List;
import java.util.Map;

import io.newsflow.ingest.batch.BatchRejectedException;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.newsflow.ingest.page.PageLimitExceededException;
import io.newsflow.ingest.page.UnrecognisedPageException;
import io.newsflow.ingest.publish.EventTooLargeException;
import io.newsflow.ingest.publish.PublishFailedException;
import io.newsflow.service.web.FieldProblems;
import io.newsflow.service.web.InvalidFieldException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure of the ingest API to an RFC 9457 problem detail, once, for all
 * controllers. Validation problems list the offending fields under {@code errors}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final IngestMetrics metrics;

    ProblemDetailsAdvice(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Every problem answered by the base class is a rejected request; count it by kind
     * and status.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        count(request, reason(statusCode));
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private void count(WebRequest request, String reason) {
        if (request instanceof ServletWebRequest servlet) {
            this.metrics.rejected(IngestMetrics.kindOf(servlet.getRequest().getRequestURI()), reason);
        }
    }

    private static String reason(HttpStatusCode status) {
        return switch (status.value()) {
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 405, 406 -> "unsupported_request";
            default -> status.is4xxClientError() ? "invalid" : "error";
        };
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult()
            .getFieldErrors()
            .stream()
            .map(error -> FieldProblems.error(error.getField(), error.getDefaultMessage()))
            .toList();
        ProblemDetail problem = FieldProblems.invalid(errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape (or not valid UTF-8)");
        problem.setTitle("Malformed request body");
        String field = fieldOf(ex);
        if (field != null) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
            String message = cause instanceof UnrecognizedPropertyException ? "is not a field of this API"
                    : cause instanceof DatabindException ? "has a value of the wrong type" : "is given more than once";
            problem.setDetail(field + " " + message);
            problem.setProperty("errors", List.of(FieldProblems.error(field, message)));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * The JSON path of the field Jackson could not bind, such as
     * {@code captions[0].text}.
     */
    private static String fieldOf(HttpMessageNotReadableException ex) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
        if (cause instanceof StreamReadException read && read.getMessage().startsWith("Duplicate Object property")
                && read.processor() != null) {
            return duplicatedField(read.processor().streamReadContext());
        }
        if (!(cause instanceof DatabindException binding) || binding.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : binding.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /**
     * The path of the key given twice, such as {@code captions[0].text}: the parser
     * stopped at it.
     */
    private static String duplicatedField(TokenStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.currentName() != null) {
                path.insert(0, "." + at.currentName());
            }
            else if (at.inArray()) {
                path.insert(0, "[" + at.getCurrentIndex() + "]");
            }
        }
        return path.isEmpty() ? null : path.substring(path.charAt(0) == '.' ? 1 : 0);
    }

    @ExceptionHandler
    ProblemDetail batchRejected(BatchRejectedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "No item of the request could be accepted; see items for the reason of each");
        problem.setTitle("Every item rejected");
        problem.setProperty("items", ex.result().items());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unrecognisedPage(UnrecognisedPageException ex, WebRequest request) {
        count(request, "unrecognised_page");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setTitle("Nothing recognisable in the page");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail pageLimitExceeded(PageLimitExceededException ex, WebRequest request) {
        count(request, "too_large");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
        problem.setTitle("Page too large");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidField(InvalidFieldException ex, WebRequest request) {
        count(request, "invalid");
        return FieldProblems.invalid(ex);
    }

    @ExceptionHandler
    ProblemDetail eventTooLarge(EventTooLargeException ex, WebRequest request) {
        count(request, "too_large");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The event is larger than the event store accepts; nothing was published. Send it smaller.");
        problem.setTitle("Event too large");
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> publishFailed(PublishFailedException ex, WebRequest request) {
        count(request, "kafka_unavailable");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The event store did not acknowledge in time; nothing was accepted. Retry later.");
        problem.setTitle("Event store unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())))
            .body(problem);
    }

}
