package io.newsflow.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.context.ContextSnapshotFactory;
import io.newsflow.ingest.metrics.IngestMetrics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes events and reports each one acknowledged only after the broker acknowledged
 * it (acks=all, idempotent producer). Several events are sent first and then awaited
 * together, so a batch costs one round-trip, not one per event.
 *
 * <p>
 * The whole request is bounded by {@link PublishProperties#timeout()} counted from its
 * arrival ({@link PublishDeadline}). A Kafka producer can block a caller in {@code send}
 * (no metadata for the topic while the broker is away, a full buffer), once per event; so
 * the events are handed to a small pool of sender threads and the request thread only
 * waits, never past the deadline. A sender stops sending a request's events once its
 * deadline has passed. When every sender is busy (a broker outage holds them all) a
 * request fails at once instead of queueing.
 */
@Component
public class EventPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private static final int SENDERS = 16;

    private final KafkaTemplate<String, Object> template;

    private final PublishProperties properties;

    private final IngestMetrics metrics;

    private final ThreadPoolExecutor senders;

    private final ContextSnapshotFactory context = ContextSnapshotFactory.builder().build();

    /**
     * Boot's template is declared {@code KafkaTemplate<?, ?>}; its serializers are String
     * keys and JSON values.
     */
    @SuppressWarnings("unchecked")
    public EventPublisher(KafkaTemplate<?, ?> template, PublishProperties properties, IngestMetrics metrics) {
        this.template = (KafkaTemplate<String, Object>) template;
        this.properties = properties;
        this.metrics = metrics;
        AtomicInteger threads = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(1, SENDERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "kafka-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Publishes one item's events and returns once the broker acknowledged them all.
     * @throws PublishFailedException when they were not acknowledged before the deadline
     * @throws EventTooLargeException when Kafka refuses one as too large
     */
    public void publish(Prepared item) {
        Delivery delivery = publishAll(List.of(item)).get(0);
        if (delivery.tooLarge()) {
            throw new EventTooLargeException(delivery.failure());
        }
        if (!delivery.acknowledged()) {
            throw new PublishFailedException("Kafka did not acknowledge the event", this.properties.retryAfter(),
                    delivery.failure());
        }
    }

    /**
     * Sends every event of every item, then waits for all acknowledgements, until the
     * request's deadline.
     * @return for each item, in order, what became of it
     */
    public List<Delivery> publishAll(List<Prepared> items) {
        List<Delivery> deliveries = publishEvents(items);
        List<Delivery> perItem = new ArrayList<>(items.size());
        int next = 0;
        for (Prepared item : items) {
            perItem.add(Delivery.of(deliveries.subList(next, next + item.events().size())));
            next += item.events().size();
        }
        return perItem;
    }

    /** Every event of every item, in order, with what became of it. */
    private List<Delivery> publishEvents(List<Prepared> items) {
        long started = System.nanoTime();
        long deadline = PublishDeadline.arrivedNanos() + this.properties.timeout().toNanos();
        List<CompletableFuture<Object>> acknowledgements = new ArrayList<>();
        items.forEach(item -> item.events().forEach(event -> acknowledgements.add(new CompletableFuture<>())));
        try {
            this.senders.execute(this.context.captureAll().wrap(() -> send(items, acknowledgements, deadline)));
        }
        catch (RejectedExecutionException ex) {
            acknowledgements.forEach(acknowledgement -> acknowledgement
                .completeExceptionally(new TimeoutException("every Kafka sender is busy; the broker does not answer")));
        }
        List<Delivery> deliveries = new ArrayList<>(acknowledgements.size());
        for (CompletableFuture<Object> acknowledgement : acknowledgements) {
            deliveries.add(await(acknowledgement, deadline));
        }
        this.metrics.published(System.nanoTime() - started, deliveries.stream().allMatch(Delivery::acknowledged));
        return deliveries;
    }

    /**
     * Sends the items' events in order. The producer refuses a record larger than it may
     * send at once, in {@code send}: the rest of that item is then not sent, so an item
     * refused as too large publishes nothing (an item puts its largest event first).
     */
    private void send(List<Prepared> items, List<CompletableFuture<Object>> acknowledgements, long deadline) {
        int next = 0;
        for (Prepared item : items) {
            Throwable refused = null;
            for (OutgoingEvent event : item.events()) {
                CompletableFuture<Object> acknowledgement = acknowledgements.get(next++);
                if (refused != null) {
                    acknowledgement.completeExceptionally(refused);
                }
                else if (System.nanoTime() - deadline > 0) {
                    acknowledgement.completeExceptionally(
                            new TimeoutException("the request's deadline passed before " + "the event could be sent"));
                }
                else {
                    send(event, acknowledgement);
                    refused = refusedAsTooLarge(acknowledgement);
                }
            }
        }
    }

    private void send(OutgoingEvent event, CompletableFuture<Object> acknowledgement) {
        try {
            this.template
                .send(new ProducerRecord<>(event.topic(), null, event.key(), event.event(),
                        CloudEventHeaders.of(event)))
                .whenComplete((result, failure) -> {
                    if (failure == null) {
                        acknowledgement.complete(result);
                    }
                    else {
                        acknowledgement.completeExceptionally(failure);
                    }
                });
        }
        catch (RuntimeException ex) {
            acknowledgement.completeExceptionally(ex);
        }
    }

    private static Throwable refusedAsTooLarge(CompletableFuture<Object> acknowledgement) {
        if (!acknowledgement.isCompletedExceptionally()) {
            return null;
        }
        try {
            acknowledgement.getNow(null);
            return null;
        }
        catch (CompletionException | CancellationException ex) {
            Throwable failure = ex.getCause() == null ? ex : ex.getCause();
            return Delivery.failed(failure).tooLarge() ? failure : null;
        }
    }

    private Delivery await(CompletableFuture<Object> acknowledgement, long deadline) {
        try {
            acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return Delivery.ACKNOWLEDGED;
        }
        catch (ExecutionException ex) {
            Delivery delivery = Delivery.failed(ex.getCause());
            log.warn("Kafka rejected an event: {}", delivery.failure().toString());
            return delivery;
        }
        catch (TimeoutException ex) {
            log.warn("Kafka did not acknowledge an event within {} of the request's arrival",
                    this.properties.timeout());
            return Delivery.failed(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Delivery.failed(ex);
        }
    }

    @Override
    public void destroy() {
        this.senders.shutdown();
    }

}
