package io.newsflow.ingest.config;

import java.io.IOException;

import io.newsflow.service.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces the request body limit before anything parses the body: a declared length over
 * the limit is answered 413 at once, and a body without a declared length is cut off when
 * it passes the limit ({@link PayloadTooLargeException}, also 413).
 */
public class RequestSizeFilter extends OncePerRequestFilter {

    private final long limit;

    public RequestSizeFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > this.limit) {
            ProblemResponses.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request too large", "The request body has "
                    + request.getContentLengthLong() + " bytes; at most " + this.limit + " are accepted");
            return;
        }
        chain.doFilter(new LimitedRequest(request, this.limit), response);
    }

    /** The body grew past the limit while it was read. */
    public static class PayloadTooLargeException extends IOException {

        PayloadTooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes");
        }

    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;

        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (this.stream == null) {
                this.stream = new LimitedStream(super.getInputStream(), this.limit);
            }
            return this.stream;
        }

    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;

        private final long limit;

        private long read;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = this.delegate.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = this.delegate.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            this.read += n;
            if (this.read > this.limit) {
                throw new PayloadTooLargeException(this.limit);
            }
        }

        @Override
        public boolean isFinished() {
            return this.delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return this.delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            this.delegate.setReadListener(listener);
        }

    }

}
