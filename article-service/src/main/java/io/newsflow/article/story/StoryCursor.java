package io.newsflow.article.story;

import java.time.Instant;

import io.newsflow.projection.read.OpaqueCursor;

/**
 * Where a page of stories ended: the (firstSeen, id) of its last story. Opaque to
 * clients.
 */
record StoryCursor(Instant firstSeen, String id) {

    String encode() {
        return OpaqueCursor.encode(this.firstSeen.toEpochMilli(), this.id);
    }

    static StoryCursor decode(String cursor) {
        return OpaqueCursor.decode(cursor, 2,
                parts -> new StoryCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]));
    }

}
