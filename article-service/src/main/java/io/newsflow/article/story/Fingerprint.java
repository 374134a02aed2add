package io.newsflow.article.story;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;

/**
 * A MinHash signature of an article's body: {@value #HASHES} minimum hashes over the
 * body's character {@value #SHINGLE}-grams, taken after everything but letters and digits
 * is dropped, so re-spacing, punctuation and quote styles leave it unchanged. The share
 * of equal minimums between two signatures estimates the Jaccard similarity of the two
 * bodies' shingle sets; the signature's {@value #BANDS} bands of {@value #ROWS} minimums
 * each are the keys of locality-sensitive hashing: two articles whose bodies are alike
 * share a band with high probability, so candidates are found through an index on the
 * bands (an indexed array field, served by any MongoDB) and only they are compared. Why
 * these numbers: docs/stories.md.
 *
 * @param minimums the signature
 * @param shingles how many distinct shingles the body has
 */
public record Fingerprint(int[] minimums, int shingles) {

    /** Characters per shingle: about two Korean words without their spaces. */
    static final int SHINGLE = 5;

    static final int HASHES = 128;

    static final int BANDS = 32;

    static final int ROWS = HASHES / BANDS;

    /**
     * Bodies with fewer shingles get no fingerprint: too short to tell reprints apart.
     */
    static final int FEWEST_SHINGLES = 30;

    /** The document field of the signature. */
    public static final String FIELD = "fingerprint";

    /** The document field of the band keys, indexed. */
    public static final String BANDS_FIELD = "bands";

    private static final long[] SEEDS = seeds();

    /**
     * The fingerprint of the texts (an article's paragraphs), or {@code null} when they
     * are too short to have one.
     */
    public static Fingerprint of(List<String> texts) {
        long[] hashes = shingleHashes(texts);
        if (hashes.length < FEWEST_SHINGLES) {
            return null;
        }
        int[] minimums = new int[HASHES];
        Arrays.fill(minimums, Integer.MAX_VALUE);
        for (long hash : hashes) {
            for (int i = 0; i < HASHES; i++) {
                int value = (int) (mix(hash ^ SEEDS[i]) >>> 33);
                if (value < minimums[i]) {
                    minimums[i] = value;
                }
            }
        }
        return new Fingerprint(minimums, hashes.length);
    }

    /** The distinct hashes of the shingles of the texts' letters and digits. */
    private static long[] shingleHashes(List<String> texts) {
        StringBuilder letters = new StringBuilder();
        for (String text : texts) {
            text.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(Character::toLowerCase)
                .forEach(letters::appendCodePoint);
        }
        int count = letters.length() - SHINGLE + 1;
        if (count <= 0) {
            return new long[0];
        }
        long[] hashes = new long[count];
        for (int start = 0; start < count; start++) {
            long hash = 0;
            for (int i = start; i < start + SHINGLE; i++) {
                hash = hash * 1_000_003 + letters.charAt(i);
            }
            hashes[start] = mix(hash);
        }
        return Arrays.stream(hashes).sorted().distinct().toArray();
    }

    /** The estimated Jaccard similarity of the two bodies, from 0 to 1. */
    public double similarity(Fingerprint other) {
        int equal = 0;
        for (int i = 0; i < HASHES; i++) {
            if (this.minimums[i] == other.minimums[i]) {
                equal++;
            }
        }
        return equal / (double) HASHES;
    }

    /**
     * The estimated share of the smaller body's shingles that the larger holds: a reprint
     * cut to its first paragraphs is contained in the original though their Jaccard
     * similarity is low.
     */
    public double containment(Fingerprint other) {
        double jaccard = similarity(other);
        double common = jaccard / (1 + jaccard) * (this.shingles + other.shingles);
        return Math.min(1, common / Math.min(this.shingles, other.shingles));
    }

    /**
     * The band keys: the band's number and a hash of its minimums, such as
     * {@code 07:3f2a9c41d0e2}.
     */
    public List<String> bands() {
        List<String> bands = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            long hash = band;
            for (int row = 0; row < ROWS; row++) {
                hash = mix(hash * 31 + this.minimums[band * ROWS + row]);
            }
            bands.add(String.format("%02d:%012x", band, hash >>> 16));
        }
        return bands;
    }

    Document toDocument() {
        ByteBuffer bytes = ByteBuffer.allocate(HASHES * Integer.BYTES);
        for (int minimum : this.minimums) {
            bytes.putInt(minimum);
        }
        return new Document("minimums", bytes.array()).append("shingles", this.shingles);
    }

    /**
     * The article document's fields for this fingerprint: the signature and its bands.
     */
    public Document fields() {
        return new Document(FIELD, toDocument()).append(BANDS_FIELD, bands());
    }

    /**
     * The fields of an article too short for a fingerprint: none, so a revision that
     * shortened the body clears the fingerprint it had.
     */
    public static Document none() {
        Document none = new Document();
        none.put(FIELD, null);
        none.put(BANDS_FIELD, null);
        return none;
    }

    /** The fingerprint an article document holds, or {@code null}. */
    static Fingerprint from(Document article) {
        Document stored = article.get(FIELD, Document.class);
        if (stored == null) {
            return null;
        }
        Object minimums = stored.get("minimums");
        byte[] bytes = minimums instanceof Binary binary ? binary.getData() : (byte[]) minimums;
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] values = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            values[i] = buffer.getInt();
        }
        return new Fingerprint(values, stored.get("shingles", Number.class).intValue());
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        long[] seeds = new long[HASHES];
        long seed = 0x6E657773666C6F77L;
        for (int i = 0; i < HASHES; i++) {
            seed = mix(seed);
            seeds[i] = seed;
        }
        return seeds;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint that && that.shingles == this.shingles
                && Arrays.equals(that.minimums, this.minimums);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(this.minimums) + this.shingles;
    }

    @Override
    public String toString() {
        return "Fingerprint[" + this.shingles + " shingles]";
    }

}
