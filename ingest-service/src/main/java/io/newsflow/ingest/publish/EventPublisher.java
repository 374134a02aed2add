package io.newsflow.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.newsflow.ingest.metrics.IngestMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes events and reports each one acknowledged only after the broker acknowledged it
 * (acks=all, idempotent producer). Several events are sent first and then awaited together, so a
 * batch costs one round-trip, not one per event; the whole wait is bounded by
 * {@link PublishProperties#timeout()}.
 */
@Component
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<String, Object> template;

    private final PublishProperties properties;

    private final IngestMetrics metrics;

    /** Boot's template is declared {@code KafkaTemplate<?, ?>}; its serializers are String keys and JSON values. */
    @SuppressWarnings("unchecked")
    public EventPublisher(KafkaTemplate<?, ?> template, PublishProperties properties, IngestMetrics metrics) {
        this.template = (KafkaTemplate<String, Object>) template;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * Publishes one event and returns once the broker acknowledged it.
     * @throws PublishFailedException when it was not acknowledged within the timeout
     */
    public void publish(OutgoingEvent event) {
        Throwable failure = publishAll(List.of(event)).get(0);
        if (failure != null) {
            throw new PublishFailedException("Kafka did not acknowledge the event", this.properties.retryAfter(),
                    failure);
        }
    }

    /**
     * Sends every event, then waits for all acknowledgements.
     * @return for each event, in order, {@code null} when acknowledged or the reason it was not
     */
    public List<Throwable> publishAll(List<OutgoingEvent> events) {
        long started = System.nanoTime();
        long deadline = started + this.properties.timeout().toNanos();
        List<CompletableFuture<SendResult<String, Object>>> sends = new ArrayList<>(events.size());
        for (OutgoingEvent event : events) {
            sends.add(send(event));
        }
        List<Throwable> failures = new ArrayList<>(events.size());
        for (CompletableFuture<SendResult<String, Object>> send : sends) {
            failures.add(await(send, deadline));
        }
        this.metrics.published(System.nanoTime() - started, failures.stream().allMatch(f -> f == null));
        return failures;
    }

    private CompletableFuture<SendResult<String, Object>> send(OutgoingEvent event) {
        try {
            return this.template.send(event.topic(), event.key(), event.event());
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    private Throwable await(CompletableFuture<SendResult<String, Object>> send, long deadline) {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        }
        catch (ExecutionException ex) {
            log.warn("Kafka rejected an event: {}", ex.getCause().toString());
            return ex.getCause();
        }
        catch (TimeoutException ex) {
            log.warn("Kafka did not acknowledge an event within {}", this.properties.timeout());
            return ex;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return ex;
        }
    }
}
