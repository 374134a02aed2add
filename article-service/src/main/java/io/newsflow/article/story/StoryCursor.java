package io.newsflow.article.story;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.newsflow.service.web.InvalidFieldException;

/**
 * Where a page of stories ended: the (firstSeen, id) of its last story. Opaque to
 * clients.
 */
record StoryCursor(Instant firstSeen, String id) {

    /** Longer than any cursor this API writes: an id is 26 characters. */
    private static final int LONGEST = 200;

    String encode() {
        String text = this.firstSeen.toEpochMilli() + ":" + this.id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static StoryCursor decode(String cursor) {
        try {
            if (cursor.length() > LONGEST) {
                throw new IllegalArgumentException();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            if (parts.length != 2 || parts[1].isEmpty()) {
                throw new IllegalArgumentException();
            }
            return new StoryCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("cursor", "is not a cursor this API returned");
        }
    }

}
