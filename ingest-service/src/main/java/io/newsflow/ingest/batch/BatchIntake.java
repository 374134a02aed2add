package io.newsflow.ingest.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.newsflow.ingest.article.ArticleIntake;
import io.newsflow.ingest.batch.BatchResult.FieldError;
import io.newsflow.ingest.batch.BatchResult.Item;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.newsflow.ingest.post.PostIntake;
import io.newsflow.ingest.publish.Delivery;
import io.newsflow.ingest.publish.EventPublisher;
import io.newsflow.ingest.publish.Prepared;
import io.newsflow.ingest.publish.PublishFailedException;
import io.newsflow.ingest.publish.PublishProperties;
import io.newsflow.service.web.InvalidFieldException;
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

    private final ArticleIntake articles;

    private final PostIntake posts;

    private final EventPublisher publisher;

    private final PublishProperties properties;

    private final IngestMetrics metrics;

    public BatchIntake(Validator validator, ArticleIntake articles, PostIntake posts, EventPublisher publisher,
            PublishProperties properties, IngestMetrics metrics) {
        this.validator = validator;
        this.articles = articles;
        this.posts = posts;
        this.publisher = publisher;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * Accepts what it can of {@code requests}: each item is validated, normalised and
     * published on its own, and the answer holds one result per item, in order.
     * @throws BatchRejectedException when every item was rejected for its content
     * @throws PublishFailedException when valid items existed and Kafka acknowledged none
     * of them
     */
    public BatchResult accept(List<? extends BatchItem> requests) {
        List<Item> items = new ArrayList<>(requests.size());
        List<Integer> publishedIndexes = new ArrayList<>();
        List<Prepared> events = new ArrayList<>();
        String[] articleIds = new String[requests.size()];
        for (int index = 0; index < requests.size(); index++) {
            BatchItem request = requests.get(index);
            List<FieldError> errors = violations(request.request());
            if (errors.isEmpty()) {
                try {
                    Prepared prepared = prepare(request, articleIds);
                    if (request instanceof BatchItem.ArticleItem) {
                        articleIds[index] = prepared.id();
                    }
                    events.add(prepared);
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
        BatchResult result = BatchResult.of(items);
        if (result.accepted() == 0 && result.failed() == 0) {
            throw new BatchRejectedException(result);
        }
        return result;
    }

    /**
     * The item's events; throws {@link InvalidFieldException} when it cannot be
     * normalised. A post that carries an article of the batch names it when it was
     * prepared (the article comes first); a rejected article leaves the post unlinked.
     */
    private Prepared prepare(BatchItem item, String[] articleIds) {
        if (item instanceof BatchItem.ArticleItem article) {
            return this.articles.prepare(article.request(), article.crawledAt(), article.post());
        }
        BatchItem.PostItem post = (BatchItem.PostItem) item;
        String articleId = post.articleIndex() == null ? null : articleIds[post.articleIndex()];
        return this.posts.prepare(articleId == null ? post.request() : post.request().carrying(articleId));
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

    private void count(List<? extends BatchItem> requests, List<Item> items) {
        for (Item item : items) {
            String kind = requests.get(item.index()).kind();
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
