package io.newsflow.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.newsflow.contracts.ArticlePublished.Caption;
import io.newsflow.contracts.PostKey;

/**
 * SHA-256 over the normalised fields of an entity: ids and content hashes. Each field is
 * written in a canonical form this class defines, never through a type's
 * {@code toString()}: renaming a record component must not change every hash and every id
 * derived from one. The forms are the ones the first version wrote, so ids and hashes of
 * everything stored stay the same ({@code HashingTests} pins them).
 */
public final class Hashing {

    /** Separates fields so that ("ab", "c") and ("a", "bc") hash differently. */
    private static final char FIELD_SEPARATOR = '\u001F';

    private Hashing() {
    }

    /** Lower-case hex SHA-256 of the fields, each in its canonical form and separated. */
    public static String sha256(Object... fields) {
        StringBuilder text = new StringBuilder();
        for (Object field : fields) {
            write(field, text);
            text.append(FIELD_SEPARATOR);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    /**
     * The canonical forms: nothing for an absent field; text as it is; numbers in
     * decimal; instants in ISO-8601 ({@link Instant#toString()}, which the JDK
     * specifies); a post key as {@code board:number}; a caption as
     * {@code Caption[text=…, credit=…]}; a list as its elements in brackets, separated by
     * a comma and a space. Any other type is refused.
     */
    private static void write(Object field, StringBuilder text) {
        if (field == null) {
            return;
        }
        if (field instanceof CharSequence || field instanceof Integer || field instanceof Long
                || field instanceof Instant) {
            text.append(field);
        }
        else if (field instanceof PostKey key) {
            text.append(key.board()).append(':').append(key.number());
        }
        else if (field instanceof Caption caption) {
            text.append("Caption[text=")
                .append(caption.text())
                .append(", credit=")
                .append(caption.credit())
                .append(']');
        }
        else if (field instanceof List<?> list) {
            text.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    text.append(", ");
                }
                Object element = list.get(i);
                if (element == null) {
                    text.append("null");
                }
                else {
                    write(element, text);
                }
            }
            text.append(']');
        }
        else {
            throw new IllegalArgumentException("no canonical form for " + field.getClass().getName());
        }
    }

}
