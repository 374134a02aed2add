package io.newsflow.contracts;

import java.util.regex.Pattern;

/**
 * The key of a board post, {@code board:number}, used as the Kafka record key and the
 * read-model id.
 */
public record PostKey(String board, long number) {

    /**
     * Board slugs: lower-case letters, digits and dashes, starting with a letter or
     * digit.
     */
    public static final Pattern BOARD_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public PostKey {
        if (board == null || !BOARD_SLUG.matcher(board).matches()) {
            throw new IllegalArgumentException("board must be a slug matching " + BOARD_SLUG + ": " + board);
        }
        if (number < 1) {
            throw new IllegalArgumentException("post number must be positive: " + number);
        }
    }

    public static PostKey parse(String key) {
        int colon = key == null ? -1 : key.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("post key must be board:number: " + key);
        }
        try {
            return new PostKey(key.substring(0, colon), Long.parseLong(key.substring(colon + 1)));
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("post key must be board:number: " + key, ex);
        }
    }

    @Override
    public String toString() {
        return board + ":" + number;
    }
}
