package io.newsflow.ingest.publish;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When a request's body was in, so that {@link EventPublisher} bounds the rest of the
 * request by the publish timeout, not only its wait for acknowledgements: parsing the
 * body, a producer blocked on metadata or a full buffer, and the wait all count. The time
 * the body took to arrive does not: that is the edge's body timeout ({@code 408}), never
 * an event store outage.
 */
public class PublishDeadline extends OncePerRequestFilter {

    private static final String ARRIVED = PublishDeadline.class.getName() + ".arrived";

    /** The edge hands a body that arrived without blocking on in an async dispatch. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ARRIVED, System.nanoTime());
        chain.doFilter(request, response);
    }

    /**
     * The {@link System#nanoTime()} the current request arrived at, or now outside a
     * request.
     */
    static long arrivedNanos() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object arrived = request == null ? null : request.getAttribute(ARRIVED, RequestAttributes.SCOPE_REQUEST);
        return arrived instanceof Long nanos ? nanos : System.nanoTime();
    }

}
