package io.newsflow.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured keys as SHA-256 digests, each with the authority it grants. A candidate
 * is digested and compared with {@link MessageDigest#isEqual} against every configured
 * key, without stopping at a match, so neither the time taken nor the length of a key
 * tells anything about it.
 */
final class KeyRing {

    private final List<Entry> entries;

    private KeyRing(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static KeyRing of(AccessKeys keys) {
        List<Entry> entries = new ArrayList<>();
        keys.apiKeys().forEach(key -> entries.add(new Entry(digest(key), Authorities.WRITE)));
        keys.operatorKeys().forEach(key -> entries.add(new Entry(digest(key), Authorities.OPERATE)));
        return new KeyRing(entries);
    }

    /** The authority the key grants, if it is one of the configured keys. */
    Optional<String> authorityOf(String candidate) {
        byte[] digest = digest(candidate.strip());
        String granted = null;
        for (Entry entry : this.entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                granted = entry.authority();
            }
        }
        return Optional.ofNullable(granted);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    private record Entry(byte[] digest, String authority) {
    }

}
