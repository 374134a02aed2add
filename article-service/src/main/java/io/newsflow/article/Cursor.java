package io.newsflow.article;

import java.time.Instant;

import io.newsflow.projection.read.OpaqueCursor;

/**
 * Where a page of articles ended: the result group (title hits before body-only hits when
 * searching) and the (publishedAt, id) of the last article. Opaque to clients.
 */
record Cursor(int group, Instant publishedAt, String id) {

    String encode() {
        return OpaqueCursor.encode(this.group, this.publishedAt.toEpochMilli(), this.id);
    }

    static Cursor decode(String cursor) {
        return OpaqueCursor.decode(cursor, 3, parts -> {
            int group = Integer.parseInt(parts[0]);
            if (group < 0 || group > 1) {
                throw new IllegalArgumentException();
            }
            return new Cursor(group, Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        });
    }
}
