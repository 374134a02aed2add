package io.newsflow.service.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request it rejects before any filter runs: an encoded
 * slash, backslash or NUL in the path, an unparseable request line) as problem details
 * instead of an HTML page, so that every 4xx of a newsflow service has the same shape.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            ProblemResponses.write(response.getResponse(), known == null ? HttpStatus.BAD_REQUEST : known, title,
                    status < 500 ? "The server rejected the request before routing it" : "The request failed");
            response.getResponse().setStatus(status);
            response.finishResponse();
        }
        catch (IOException | IllegalStateException ex) {
            // the connection is gone; nothing more can be said
        }
    }

}
