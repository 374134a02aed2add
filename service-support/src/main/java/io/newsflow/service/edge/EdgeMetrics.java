package io.newsflow.service.edge;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the edge refused, by reason ({@code newsflow.edge.refused}), and the request bytes
 * it holds ({@code newsflow.edge.in.flight.bytes}) against its budget
 * ({@code newsflow.edge.in.flight.capacity.bytes}).
 */
final class EdgeMetrics {

    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);

    EdgeMetrics(MeterRegistry registry, InFlightBudget budget) {
        for (Refusal refusal : Refusal.values()) {
            this.refused.put(refusal,
                    Counter.builder("newsflow.edge.refused")
                        .description("Requests the edge answered before the application saw them, by reason")
                        .tag("reason", refusal.reason())
                        .register(registry));
        }
        Gauge.builder("newsflow.edge.in.flight.bytes", budget, InFlightBudget::reserved)
            .description("Request body bytes held by the service now (reserved from the declared length)")
            .baseUnit("bytes")
            .register(registry);
        Gauge.builder("newsflow.edge.in.flight.capacity.bytes", budget, InFlightBudget::capacity)
            .description("Request body bytes the service may hold at once")
            .baseUnit("bytes")
            .register(registry);
    }

    void refused(Refusal refusal) {
        this.refused.get(refusal).increment();
    }

}
