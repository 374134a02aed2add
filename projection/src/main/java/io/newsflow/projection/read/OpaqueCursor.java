package io.newsflow.projection.read;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

import io.newsflow.service.web.InvalidFieldException;

/**
 * The cursors of the read APIs' keyset paging: the fields of where a page ended, joined
 * by {@code :} in URL-safe Base64, opaque to clients. A cursor this API did not write is
 * a 400 naming {@code cursor}, whatever is wrong with it.
 */
public final class OpaqueCursor {

    /** Longer than any cursor the APIs write: an id is 26 characters. */
    private static final int LONGEST = 200;

    private OpaqueCursor() {
    }

    public static String encode(Object... fields) {
        StringBuilder text = new StringBuilder();
        for (Object field : fields) {
            text.append(text.isEmpty() ? "" : ":").append(field);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param fields how many fields the cursor holds; the last (an id) may hold {@code :}
     * and must not be empty
     * @param parse the cursor of its fields; an {@link IllegalArgumentException} (a
     * {@link NumberFormatException} among them) refuses it
     */
    public static <T> T decode(String cursor, int fields, Function<String[], T> parse) {
        try {
            if (cursor.length() > LONGEST) {
                throw new IllegalArgumentException();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":",
                    fields);
            if (parts.length != fields || parts[fields - 1].isEmpty()) {
                throw new IllegalArgumentException();
            }
            return parse.apply(parts);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("cursor", "is not a cursor this API returned");
        }
    }

}
