package io.newsflow.embeddedmongo;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The term table against a map of sorted sets doing the same random adds, removes and
 * renumberings: terms held once and many times, terms whose hashes collide (so probing
 * and the moves of a removal are exercised), tables that grow and drop emptied terms.
 */
class TermTableTests {

    @Test
    void holdsForEveryTermExactlyTheNumbersAMapOfSortedSetsHolds() {
        for (long seed = 0; seed < 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            TermTable table = new TermTable();
            Map<Object, TreeSet<Integer>> model = new HashMap<>();
            int terms = 1 + random.nextInt(seed % 2 == 0 ? 30 : 3000);
            int numbers = 1 + random.nextInt(500);
            for (int step = 0; step < 4000; step++) {
                Object term = term(random, terms);
                int number = random.nextInt(numbers);
                int operation = random.nextInt(100);
                if (operation < 55) {
                    table.add(term, number);
                    model.computeIfAbsent(term, key -> new TreeSet<>()).add(number);
                }
                else if (operation < 99) {
                    TreeSet<Integer> held = model.get(term);
                    boolean removed = held != null && held.remove(number);
                    if (held != null && held.isEmpty()) {
                        model.remove(term);
                    }
                    assertThat(table.remove(term, number)).as("seed %d step %d", seed, step).isEqualTo(removed);
                }
                else {
                    int[] renumbered = new int[numbers];
                    int kept = 0;
                    for (int old = 0; old < numbers; old++) {
                        renumbered[old] = random.nextInt(4) == 0 ? -1 : kept++;
                    }
                    table.renumber(renumbered);
                    Map<Object, TreeSet<Integer>> next = new HashMap<>();
                    model.forEach((key, held) -> held.stream()
                        .filter(old -> renumbered[old] >= 0)
                        .forEach(old -> next.computeIfAbsent(key, k -> new TreeSet<>()).add(renumbered[old])));
                    model = next;
                }
                if (step % 97 == 0 || step == 3999) {
                    assertHoldsTheSame(table, model, terms, "seed " + seed + " step " + step);
                }
            }
        }
    }

    @Test
    void aTermHeldOnceAfterARemovalIsHeldOnceAndWithoutItsOtherNumber() {
        TermTable table = new TermTable();
        table.add("band", 9);
        table.add("band", 3);
        table.add("band", 5);

        assertThat(table.remove("band", 5)).isTrue();
        assertThat(table.remove("band", 9)).isTrue();
        assertThat(table.remove("band", 9)).isFalse();

        int slot = table.find("band");
        assertThat(table.size(slot)).isEqualTo(1);
        assertThat(table.at(slot, 0)).isEqualTo(3);
        assertThat(table.contains(slot, 9)).isFalse();
        assertThat(table.remove("band", 3)).isTrue();
        assertThat(table.find("band")).isEqualTo(-1);
        assertThat(table.terms()).isZero();
    }

    private static void assertHoldsTheSame(TermTable table, Map<Object, TreeSet<Integer>> model, int terms, String at) {
        assertThat(table.terms()).as(at).isEqualTo(model.size());
        for (int key = 0; key < terms; key++) {
            for (Object term : List.of(new Colliding(key), "t" + key)) {
                TreeSet<Integer> held = model.get(term);
                int slot = table.find(term);
                if (held == null) {
                    assertThat(slot).as(at + " " + term).isEqualTo(-1);
                    continue;
                }
                assertThat(slot).as(at + " " + term).isNotNegative();
                List<Integer> numbers = new ArrayList<>();
                for (int i = 0; i < table.size(slot); i++) {
                    numbers.add(table.at(slot, i));
                }
                assertThat(numbers).as(at + " " + term).containsExactlyElementsOf(held);
                BitSet bits = new BitSet();
                table.addTo(slot, bits);
                assertThat(bits.stream().boxed().toList()).as(at + " " + term).containsExactlyElementsOf(held);
                assertThat(table.contains(slot, held.first())).isTrue();
                assertThat(table.contains(slot, held.last() + 1)).isFalse();
            }
        }
    }

    private static Object term(SplittableRandom random, int terms) {
        int key = random.nextInt(terms);
        return random.nextBoolean() ? new Colliding(key) : "t" + key;
    }

    /** A term whose hash it shares with a few others: they probe past each other. */
    private record Colliding(int key) {

        @Override
        public int hashCode() {
            return this.key % 7;
        }

    }

}
