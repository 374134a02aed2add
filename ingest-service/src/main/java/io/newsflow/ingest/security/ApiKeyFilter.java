package io.newsflow.ingest.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;

import io.newsflow.ingest.config.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Write requests to the API need a valid {@code X-API-Key}: 401 without one, 403 with a wrong one.
 * Keys are compared as SHA-256 digests in constant time, against every configured key, so neither
 * the time nor the length of a key leaks; no key is ever logged.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final List<byte[]> digests;

    public ApiKeyFilter(ApiKeyProperties properties) {
        this.digests = properties.apiKeys().stream().map(String::strip).filter(key -> !key.isEmpty())
                .map(ApiKeyFilter::digest).toList();
        if (this.digests.isEmpty()) {
            throw new IllegalStateException("set NEWSFLOW_API_KEYS to at least one non-blank key");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "API key required",
                    "Write requests need an API key in the " + HEADER + " header");
            return;
        }
        if (!matches(key)) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "API key not accepted",
                    "The key in the " + HEADER + " header is not one of this service's keys");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean matches(String key) {
        byte[] candidate = digest(key.strip());
        boolean matched = false;
        for (byte[] digest : this.digests) {
            matched |= MessageDigest.isEqual(digest, candidate);
        }
        return matched;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
