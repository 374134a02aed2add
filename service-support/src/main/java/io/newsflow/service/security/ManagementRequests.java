package io.newsflow.service.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Requests to the management side of a service: any request to its own port, or to an
 * actuator endpoint.
 */
final class ManagementRequests {

    private static final String MANAGEMENT_NAMESPACE = "management";

    private ManagementRequests() {
    }

    static RequestMatcher any() {
        return new OrRequestMatcher(ManagementRequests::onManagementPort, EndpointRequest.toAnyEndpoint());
    }

    private static boolean onManagementPort(HttpServletRequest request) {
        WebApplicationContext context = WebApplicationContextUtils
            .getWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context, MANAGEMENT_NAMESPACE);
    }

}
