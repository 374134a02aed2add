package io.newsflow.projection;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continues, in the consumer, the trace each record carries from the producer (its
 * {@code traceparent} header): one consumer span per record around the bulk write that
 * applies it. Spring Kafka observes record listeners itself, not batch listeners, so the
 * projection does it.
 */
class RecordTracing {

    private static final Logger log = LoggerFactory.getLogger(RecordTracing.class);

    private static final Propagator.Getter<Headers> HEADERS = RecordHeaders::text;

    private final Tracer tracer;

    private final Propagator propagator;

    private final String topic;

    RecordTracing(Tracer tracer, Propagator propagator, String topic) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.topic = topic;
    }

    /**
     * Starts one span per record, each a child of the producer's span when the record
     * carries one.
     */
    List<Span> start(List<? extends ConsumerRecord<String, ?>> records) {
        if (this.tracer == null || this.propagator == null) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(records.size());
        for (ConsumerRecord<String, ?> record : records) {
            spans.add(this.propagator.extract(record.headers(), HEADERS)
                .name(this.topic + " apply")
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.destination.name", this.topic)
                .tag("messaging.kafka.message.key", String.valueOf(record.key()))
                .start());
        }
        return spans;
    }

    /**
     * Ends the spans, marking them failed when the write failed; logs each applied key in
     * its trace.
     */
    void end(List<Span> spans, Throwable failure) {
        for (Span span : spans) {
            if (failure != null) {
                span.error(failure);
            }
            else if (log.isDebugEnabled()) {
                try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
                    log.debug("Applied {} to the read model", span.context().spanId());
                }
            }
            span.end();
        }
    }

}
