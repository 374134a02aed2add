package io.newsflow.service.edge;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import io.newsflow.service.web.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Why the edge answers a request before the application sees it. Every status here makes
 * Tomcat close the connection after the answer, so an unread body is never drained.
 */
enum Refusal {

    /** A body on a method that takes none (GET, HEAD, DELETE, OPTIONS, TRACE). */
    BODY_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "Body not allowed", "This method takes no request body"),

    /** JSON in a charset other than UTF-8, which RFC 8259 makes the only one. */
    CHARSET(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported charset",
            "JSON is read as UTF-8 only (RFC 8259); send it as UTF-8, with charset=UTF-8 or none"),

    /** A body over the largest the service reads. */
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request too large", "The request body is larger than %d bytes"),

    /** The in-flight budget is spent: retry after a moment. */
    BUSY(HttpStatus.SERVICE_UNAVAILABLE, "Too many requests in flight",
            "The service holds as many request bytes as it may at once; retry after the time in Retry-After"),

    /** The whole body did not arrive within the body timeout. */
    TIMED_OUT(HttpStatus.REQUEST_TIMEOUT, "Request body too slow",
            "The request body did not arrive within %d seconds; send it at once");

    private final HttpStatus status;

    private final String title;

    private final String detail;

    Refusal(HttpStatus status, String title, String detail) {
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    /** The metric tag of this refusal. */
    String reason() {
        return name().toLowerCase(Locale.ROOT);
    }

    void answer(HttpServletResponse response, EdgeProperties properties) throws IOException {
        if (this == BUSY) {
            response.setHeader(HttpHeaders.RETRY_AFTER, seconds(properties.retryAfter()));
        }
        long figure = this == TOO_LARGE ? properties.maxBodySize().toBytes() : properties.bodyTimeout().toSeconds();
        ProblemResponses.write(response, this.status, this.title, this.detail.formatted(figure));
    }

    private static String seconds(Duration duration) {
        return String.valueOf(Math.max(1, duration.toSeconds()));
    }

}
