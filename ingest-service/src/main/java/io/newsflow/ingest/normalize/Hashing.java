package io.newsflow.ingest.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over the normalised fields of an entity: ids and content hashes. */
public final class Hashing {

    /** Separates fields so that ("ab", "c") and ("a", "bc") hash differently. */
    private static final char FIELD_SEPARATOR = '\u001F';

    private Hashing() {
    }

    /** Lower-case hex SHA-256 of the fields, each written as {@code String.valueOf} and separated. */
    public static String sha256(Object... fields) {
        StringBuilder text = new StringBuilder();
        for (Object field : fields) {
            text.append(field == null ? "" : String.valueOf(field)).append(FIELD_SEPARATOR);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
