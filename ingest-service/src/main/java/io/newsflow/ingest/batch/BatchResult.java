package io.newsflow.ingest.batch;

import java.util.List;

/**
 * The answer to a batch: one entry per item, in order.
 *
 * @param accepted items Kafka acknowledged
 * @param rejected items refused for their content (nothing was published for them)
 * @param failed valid items Kafka did not acknowledge in time; send them again
 */
public record BatchResult(int accepted, int rejected, int failed, List<Item> items) {

    public static final String ACCEPTED = "accepted";

    public static final String REJECTED = "rejected";

    public static final String FAILED = "failed";

    /**
     * @param index position in the request
     * @param status {@code accepted}, {@code rejected} or {@code failed}
     * @param id the entity key of an accepted item
     * @param errors why an item was rejected or failed
     */
    public record Item(int index, String status, String id, List<FieldError> errors) {
    }

    /**
     * A problem with one field; {@code field} is a path such as {@code captions[0].text}.
     */
    public record FieldError(String field, String message) {
    }

    static BatchResult of(List<Item> items) {
        return new BatchResult(count(items, ACCEPTED), count(items, REJECTED), count(items, FAILED), items);
    }

    private static int count(List<Item> items, String status) {
        return (int) items.stream().filter(item -> item.status().equals(status)).count();
    }
}
