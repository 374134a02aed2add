package io.newsflow.service.edge;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body, read in full before the application sees it, within the edge's
 * budget ({@link EdgeProperties}):
 * <ul>
 * <li>a body on a method that takes none is refused ({@code 400});</li>
 * <li>JSON declared in a charset other than UTF-8 is refused ({@code 415});</li>
 * <li>a declared length over the limit is refused before a byte is read ({@code 413}),
 * and a chunked body when it passes it;</li>
 * <li>a body that does not fit in the service's in-flight bytes is refused before a byte
 * is read ({@code 503} with {@code Retry-After});</li>
 * <li>a body that has not arrived in full within the body timeout is refused
 * ({@code 408}), however its bytes trickle in.</li>
 * </ul>
 * On Tomcat (marked by {@link UnreadBodyValve}) the body is read without blocking: a
 * request thread is held only while the application works on a body that is already in,
 * never while a client sends it, so slow clients cost memory within the budget, not
 * threads. Elsewhere (MockMvc) it is read in place.
 */
public final class RequestBodies extends OncePerRequestFilter {

    /** Set by {@link UnreadBodyValve}: the container reads bodies without blocking. */
    static final String NON_BLOCKING = RequestBodies.class.getName() + ".nonBlocking";

    private static final String INTAKE = RequestBodies.class.getName() + ".intake";

    private static final Set<String> BODYLESS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");

    private final EdgeProperties properties;

    private final InFlightBudget budget;

    private final EdgeMetrics metrics;

    RequestBodies(EdgeProperties properties, InFlightBudget budget, EdgeMetrics metrics) {
        this.properties = properties;
        this.budget = budget;
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            if (request.getAttribute(INTAKE) instanceof BodyIntake intake) {
                request.removeAttribute(INTAKE);
                resume(intake, request, response, chain);
            }
            else {
                chain.doFilter(request, response);
            }
            return;
        }
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        Refusal refusal = refusalBeforeReading(request, declared);
        if (refusal != null) {
            refuse(refusal, response);
            return;
        }
        long reserved = Math.max(declared, 0);
        if (!this.budget.tryReserve(reserved)) {
            refuse(Refusal.BUSY, response);
            return;
        }
        BodyIntake intake = new BodyIntake(this.budget, this.properties.maxBodySize().toBytes(), declared, reserved);
        if (request.getAttribute(NON_BLOCKING) == null) {
            try {
                intake.readAll(request.getInputStream());
                resume(intake, request, response, chain);
            }
            finally {
                intake.release();
            }
            return;
        }
        request.setAttribute(INTAKE, intake);
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(this.properties.bodyTimeout().toMillis());
        async.addListener(intake);
        ServletInputStream in = request.getInputStream();
        in.setReadListener(intake.reader(async, in));
    }

    private Refusal refusalBeforeReading(HttpServletRequest request, long declared) {
        if (BODYLESS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return Refusal.BODY_NOT_ALLOWED;
        }
        if (!readableCharset(request.getContentType())) {
            return Refusal.CHARSET;
        }
        if (declared > this.properties.maxBodySize().toBytes()) {
            return Refusal.TOO_LARGE;
        }
        return null;
    }

    /**
     * JSON is UTF-8 (RFC 8259); a declared charset that is not is refused, not guessed.
     */
    private static boolean readableCharset(String contentType) {
        if (contentType == null) {
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        }
        catch (IllegalArgumentException ex) {
            // the application answers an unreadable Content-Type itself (415)
            return true;
        }
        boolean json = "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json");
        if (!json || type.getParameter("charset") == null) {
            return true;
        }
        try {
            Charset charset = type.getCharset();
            return StandardCharsets.UTF_8.equals(charset) || StandardCharsets.US_ASCII.equals(charset);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private void resume(BodyIntake intake, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Refusal refusal = intake.outcome().refusal();
        if (refusal != null) {
            refuse(refusal, response);
        }
        else if (intake.outcome() == BodyIntake.Outcome.COMPLETE) {
            chain.doFilter(intake.request(request), response);
        }
    }

    private void refuse(Refusal refusal, HttpServletResponse response) throws IOException {
        this.metrics.refused(refusal);
        refusal.answer(response, this.properties);
    }

}
