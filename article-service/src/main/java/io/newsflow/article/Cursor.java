package io.newsflow.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.newsflow.service.web.InvalidFieldException;

/**
 * Where a page of articles ended: the result group (title hits before body-only hits when
 * searching) and the (publishedAt, id) of the last article. Opaque to clients.
 */
record Cursor(int group, Instant publishedAt, String id) {

    String encode() {
        String text = this.group + ":" + this.publishedAt.toEpochMilli() + ":" + this.id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Longer than any cursor this API writes: an id is 26 characters. */
    private static final int LONGEST = 200;

    static Cursor decode(String cursor) {
        try {
            if (cursor.length() > LONGEST) {
                throw new IllegalArgumentException();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
            int group = Integer.parseInt(parts[0]);
            if (parts.length != 3 || group < 0 || group > 1 || parts[2].isEmpty()) {
                throw new IllegalArgumentException();
            }
            return new Cursor(group, Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        }
        catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
            throw new InvalidFieldException("cursor", "is not a cursor this API returned");
        }
    }
}
