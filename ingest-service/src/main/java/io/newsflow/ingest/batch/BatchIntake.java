package io.newsflow.ingest.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.newsflow.ingest.article.ArticleRequest;
import io.newsflow.ingest.batch.BatchResult.FieldError;
import io.newsflow.ingest.batch.BatchResult.Item;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.newsflow.ingest.normalize.InvalidFieldException;
import io.newsflow.ingest.publish.Delivery;
import io.newsflow.ingest.publish.EventPublisher;
import io.newsflow.ingest.publish.Prepared;
import io.newsflow.ingest.publish.PublishFailedException;
import io.newsflow.ingest.publish.PublishProperties;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Validates, normalises and publishes many items at once. Invalid items are rejected one
 * by one and never published; the valid ones are all sent and then awaited together. An
 * item is reported accepted only once Kafka acknowledged its event.
 */
@Component
public class BatchIntake {

    /** The largest batch accepted in one request. */
    public static final int MAX_ITEMS = 1000;

    private final Validator validator;

    private final EventPublisher publisher;

    private final PublishProperties properties;

    private final IngestMetrics metrics;

    public BatchIntake(Validator validator, EventPublisher publisher, PublishProperties properties,
            IngestMetrics metrics) {
        this.validator = validator;
        this.publisher = publisher;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * @param toEvent normalises a valid item into its events; may throw
     * {@link InvalidFieldException}
     * @throws PublishFailedException when valid items existed and Kafka acknowledged none
     * of them
     */
    public <R> BatchResult accept(List<? extends R> requests, Function<R, Prepared> toEvent) {
        List<Item> items = new ArrayList<>(requests.size());
        List<Integer> publishedIndexes = new ArrayList<>();
        List<Prepared> events = new ArrayList<>();
        for (int index = 0; index < requests.size(); index++) {
            R request = requests.get(index);
            List<FieldError> errors = violations(request);
            if (errors.isEmpty()) {
                try {
                    events.add(toEvent.apply(request));
                    publishedIndexes.add(index);
                    continue;
                }
                catch (InvalidFieldException ex) {
                    errors = List.of(new FieldError(ex.field(), ex.getMessage()));
                }
            }
            items.add(new Item(index, BatchResult.REJECTED, null, errors));
        }
        items.addAll(publish(publishedIndexes, events));
        items.sort(Comparator.comparingInt(Item::index));
        count(requests, items);
        return BatchResult.of(items);
    }

    private List<Item> publish(List<Integer> indexes, List<Prepared> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Delivery> deliveries = this.publisher.publishAll(events);
        if (deliveries.stream().noneMatch(Delivery::acknowledged)
                && deliveries.stream().anyMatch(delivery -> !delivery.tooLarge())) {
            throw new PublishFailedException("Kafka acknowledged none of the batch's events",
                    this.properties.retryAfter(), deliveries.get(0).failure());
        }
        List<Item> items = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            items.add(item(indexes.get(i), events.get(i), deliveries.get(i)));
        }
        return items;
    }

    private static Item item(int index, Prepared event, Delivery delivery) {
        return switch (delivery.outcome()) {
            case ACKNOWLEDGED -> new Item(index, BatchResult.ACCEPTED, event.id(), null);
            case TOO_LARGE -> new Item(index, BatchResult.REJECTED, event.id(),
                    List.of(new FieldError("", "is larger than the event store accepts; send it smaller")));
            case UNACKNOWLEDGED -> new Item(index, BatchResult.FAILED, event.id(),
                    List.of(new FieldError("", "Kafka did not acknowledge the event in time; send it again")));
        };
    }

    private void count(List<?> requests, List<Item> items) {
        for (Item item : items) {
            String kind = requests.get(item.index()) instanceof ArticleRequest ? IngestMetrics.ARTICLE
                    : IngestMetrics.POST;
            switch (item.status()) {
                case BatchResult.ACCEPTED -> this.metrics.accepted(kind, 1);
                case BatchResult.REJECTED -> this.metrics.rejected(kind, "invalid");
                default -> this.metrics.failed(kind, 1);
            }
        }
    }

    private List<FieldError> violations(Object request) {
        if (request == null) {
            return List.of(new FieldError("", "must be an object"));
        }
        return this.validator.validate(request)
            .stream()
            .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
            .map(BatchIntake::fieldError)
            .toList();
    }

    private static FieldError fieldError(ConstraintViolation<?> violation) {
        return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
    }

}
