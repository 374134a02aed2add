package io.newsflow.service.edge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The budget every request of a newsflow service is held to at its edge.
 *
 * @param maxBodySize the largest request body read ({@code 413} beyond it)
 * @param bodyTimeout how long a whole body may take to arrive, however its bytes trickle
 * in ({@code 408} beyond it)
 * @param inFlightBytes the request bytes the service holds at once, counted from the
 * declared length before a byte is read ({@code 503} with {@code Retry-After} beyond it);
 * unset: a sixteenth of the heap (a body parsed into requests and events takes several
 * times its bytes), and never less than one largest body
 * @param retryAfter what {@code Retry-After} says when the budget is spent
 */
@ConfigurationProperties("newsflow.edge")
public record EdgeProperties(DataSize maxBodySize, Duration bodyTimeout, DataSize inFlightBytes, Duration retryAfter) {

    public EdgeProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        bodyTimeout = bodyTimeout == null ? Duration.ofSeconds(20) : bodyTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
    }

    /** The in-flight budget in bytes, as configured or derived from the heap. */
    public long inFlightBudget() {
        long budget = this.inFlightBytes != null ? this.inFlightBytes.toBytes() : Runtime.getRuntime().maxMemory() / 16;
        return Math.max(budget, this.maxBodySize.toBytes());
    }

}
