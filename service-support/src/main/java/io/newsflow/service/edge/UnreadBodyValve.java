package io.newsflow.service.edge;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpHeaders;

/**
 * Tomcat's side of the edge. It marks each request as read without blocking (for
 * {@link RequestBodies}), and once a request is answered with its body still unread (a
 * request refused for its key, its size or its method; an endpoint that ignores a body)
 * it has Tomcat close the connection instead of draining the rest of the body, which
 * would hold a request thread for as long as the client cares to trickle it.
 */
final class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        request.setAttribute(RequestBodies.NON_BLOCKING, Boolean.TRUE);
        try {
            getNext().invoke(request, response);
        }
        finally {
            if (!request.isAsync() && !request.getCoyoteRequest().isFinished()) {
                // said, so that a client does not send its next request on this
                // connection; and sent now, since closing marks the exchange as failed
                // and Tomcat would otherwise replace the answer with its error page
                if (!response.isCommitted()) {
                    response.setHeader(HttpHeaders.CONNECTION, "close");
                    // finished, not only flushed: the answer then carries its length, so
                    // a client reads it whole however the connection ends
                    response.finishResponse();
                }
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }

}
