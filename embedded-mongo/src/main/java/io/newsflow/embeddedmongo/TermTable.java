package io.newsflow.embeddedmongo;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The posting lists of a {@link TermIndex}: for each term the document numbers holding
 * it, ascending, in one open-addressing table (linear probing, backward-shift removal).
 * Most terms of an index such as the story fingerprints' bands are held by one document,
 * so a term held once keeps its number in the table itself, and only a term held more
 * often has an array (its size first, then its numbers). A term costs its key and three
 * slots of arrays, where a {@code HashMap} of lists took a node, a list object and an
 * array besides: the 1.7 million bands of a benchmark run took about 140 bytes and five
 * objects each, which every full collection of the store's heap had to trace.
 * <p>
 * Not thread-safe: the index holds its monitor around every call. A term is looked up as
 * a slot ({@link #find}), valid until the next change.
 */
final class TermTable {

    private static final int INITIAL_CAPACITY = 16;

    private Object[] terms = new Object[INITIAL_CAPACITY];

    /** The number of a term held once (its {@link #lists} slot is null). */
    private int[] single = new int[INITIAL_CAPACITY];

    /** The numbers of a term held more than once: size, then the numbers ascending. */
    private int[][] lists = new int[INITIAL_CAPACITY][];

    private int count;

    /** How many terms are held. */
    int terms() {
        return this.count;
    }

    /** The slot of {@code term}, or -1 when no document holds it. */
    int find(Object term) {
        return Math.max(probe(term), -1);
    }

    /**
     * The slot of {@code term}, or {@code -(slot + 1)} of the empty slot where its probe
     * ended: where it goes if added before the table grows.
     */
    private int probe(Object term) {
        int mask = this.terms.length - 1;
        for (int slot = home(term, mask);; slot = (slot + 1) & mask) {
            Object held = this.terms[slot];
            if (held == null) {
                return -(slot + 1);
            }
            if (held.equals(term)) {
                return slot;
            }
        }
    }

    /** How many documents hold the term of {@code slot}. */
    int size(int slot) {
        int[] list = this.lists[slot];
        return list == null ? 1 : list[0];
    }

    /** The {@code i}th number (ascending) of the term of {@code slot}. */
    int at(int slot, int i) {
        int[] list = this.lists[slot];
        return list == null ? this.single[slot] : list[i + 1];
    }

    boolean contains(int slot, int number) {
        int[] list = this.lists[slot];
        return list == null ? this.single[slot] == number : Arrays.binarySearch(list, 1, list[0] + 1, number) >= 0;
    }

    /** Sets the bit of every number of the term of {@code slot}. */
    void addTo(int slot, BitSet set) {
        int[] list = this.lists[slot];
        if (list == null) {
            set.set(this.single[slot]);
            return;
        }
        for (int i = 1; i <= list[0]; i++) {
            set.set(list[i]);
        }
    }

    /** Lists {@code number} under {@code term} (once, however often added). */
    void add(Object term, int number) {
        int slot = probe(term);
        if (slot < 0) {
            if (this.count + 1 > this.terms.length - (this.terms.length >> 2)) {
                rehash(this.terms.length << 1);
                slot = freeSlot(term);
            }
            else {
                slot = -(slot + 1);
            }
            this.terms[slot] = term;
            this.single[slot] = number;
            this.count++;
            return;
        }
        int[] list = this.lists[slot];
        if (list == null) {
            int held = this.single[slot];
            if (held != number) {
                this.lists[slot] = new int[] { 2, Math.min(held, number), Math.max(held, number) };
            }
            return;
        }
        int size = list[0];
        int at = list[size] < number ? -(size + 2) : Arrays.binarySearch(list, 1, size + 1, number);
        if (at >= 0) {
            return;
        }
        int insert = -(at + 1);
        if (size + 1 == list.length) {
            list = Arrays.copyOf(list, list.length + (list.length >> 1) + 1);
            this.lists[slot] = list;
        }
        System.arraycopy(list, insert, list, insert + 1, size + 1 - insert);
        list[insert] = number;
        list[0] = size + 1;
    }

    /**
     * Unlists {@code number} from {@code term}; a term no document holds any more is
     * dropped.
     */
    boolean remove(Object term, int number) {
        int slot = find(term);
        if (slot < 0) {
            return false;
        }
        int[] list = this.lists[slot];
        if (list == null) {
            if (this.single[slot] != number) {
                return false;
            }
            delete(slot);
            return true;
        }
        int size = list[0];
        int at = Arrays.binarySearch(list, 1, size + 1, number);
        if (at < 0) {
            return false;
        }
        if (size == 2) {
            this.single[slot] = list[at == 1 ? 2 : 1];
            this.lists[slot] = null;
            return true;
        }
        System.arraycopy(list, at + 1, list, at, size - at);
        list[0] = size - 1;
        return true;
    }

    /**
     * Each number as {@code renumbered} maps it, dropping those it maps to -1 and the
     * terms left without a document; the map keeps the order, so every list stays
     * ascending.
     */
    void renumber(int[] renumbered) {
        boolean emptied = false;
        for (int slot = 0; slot < this.terms.length; slot++) {
            if (this.terms[slot] == null) {
                continue;
            }
            int[] list = this.lists[slot];
            if (list == null) {
                int number = renumbered[this.single[slot]];
                this.single[slot] = number;
                emptied |= number < 0;
                continue;
            }
            int kept = 0;
            for (int i = 1; i <= list[0]; i++) {
                int number = renumbered[list[i]];
                if (number >= 0) {
                    list[++kept] = number;
                }
            }
            list[0] = kept;
            if (kept <= 1) {
                this.single[slot] = kept == 1 ? list[1] : -1;
                this.lists[slot] = null;
                emptied |= kept == 0;
            }
        }
        if (emptied) {
            rehash(this.terms.length);
        }
    }

    void clear() {
        this.terms = new Object[INITIAL_CAPACITY];
        this.single = new int[INITIAL_CAPACITY];
        this.lists = new int[INITIAL_CAPACITY][];
        this.count = 0;
    }

    /**
     * Places every term again in tables of {@code capacity} slots, leaving out those
     * {@link #renumber} emptied (a single number of -1).
     */
    private void rehash(int capacity) {
        Object[] oldTerms = this.terms;
        int[] oldSingle = this.single;
        int[][] oldLists = this.lists;
        this.terms = new Object[capacity];
        this.single = new int[capacity];
        this.lists = new int[capacity][];
        this.count = 0;
        for (int slot = 0; slot < oldTerms.length; slot++) {
            Object term = oldTerms[slot];
            if (term == null || (oldLists[slot] == null && oldSingle[slot] < 0)) {
                continue;
            }
            int to = freeSlot(term);
            this.terms[to] = term;
            this.single[to] = oldSingle[slot];
            this.lists[to] = oldLists[slot];
            this.count++;
        }
    }

    private int freeSlot(Object term) {
        int mask = this.terms.length - 1;
        int slot = home(term, mask);
        while (this.terms[slot] != null) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /**
     * Empties {@code slot} and moves back the terms after it that probing would no longer
     * reach (Knuth's algorithm R), so a lookup still stops at the first empty slot.
     */
    private void delete(int slot) {
        int mask = this.terms.length - 1;
        int hole = slot;
        for (int next = (hole + 1) & mask; this.terms[next] != null; next = (next + 1) & mask) {
            int home = home(this.terms[next], mask);
            boolean reachable = (hole <= next) ? (hole < home && home <= next) : (hole < home || home <= next);
            if (reachable) {
                continue;
            }
            this.terms[hole] = this.terms[next];
            this.single[hole] = this.single[next];
            this.lists[hole] = this.lists[next];
            hole = next;
        }
        this.terms[hole] = null;
        this.single[hole] = 0;
        this.lists[hole] = null;
        this.count--;
    }

    private static int home(Object term, int mask) {
        int hash = term.hashCode() * 0x9E3779B9;
        return (hash ^ (hash >>> 16)) & mask;
    }

}
