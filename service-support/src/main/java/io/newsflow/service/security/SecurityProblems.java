package io.newsflow.service.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.newsflow.service.web.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * How the security layer answers, always as problem details: 401 without a key, 403 with
 * a key that is wrong or does not allow the request, 400 for a request the firewall
 * rejects (path parameters, encoded slashes or dots, {@code //}, {@code ..} segments,
 * control characters).
 */
final class SecurityProblems
        implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler, RequestRejectedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        response.setHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKeyAuthentication.HEADER + "\"");
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "API key required",
                "This request needs a key in the " + ApiKeyAuthentication.HEADER
                        + " header: an API key for writes, an operator key for operator endpoints");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException ex) throws IOException {
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, "API key not accepted",
                "The key in the " + ApiKeyAuthentication.HEADER + " header is not one of this service's keys");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Not allowed with this key",
                "The key in the " + ApiKeyAuthentication.HEADER + " header does not allow this request");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
            throws IOException {
        ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Malformed request",
                "The request was rejected before routing: " + ex.getMessage());
    }

}
