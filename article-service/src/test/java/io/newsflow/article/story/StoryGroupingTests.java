package io.newsflow.article.story;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.newsflow.article.story.StoryFixture.Printed;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Story grouping on the embedded store: the quality the benchmark measures on the whole
 * evaluation set, held on its sample; the same stories whatever the order and batching of
 * the events and of the regroupings between them; removals and edits that split and move.
 */
class StoryGroupingTests {

    private final MongoClient client = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri());

    private final List<MongoTemplate> databases = new ArrayList<>();

    @AfterEach
    void drop() {
        this.databases.forEach(database -> database.getDb().drop());
        this.client.close();
    }

    /**
     * Every pair of articles of one story is grouped (recall), and hardly any pair of two
     * stories (precision): another story on the same event, a follow-up that quotes a
     * paragraph, one outlet's briefings from one template all stay apart.
     */
    @Test
    void reprintsAreGroupedAndHardNegativesAreNot() {
        List<Printed> sample = StoryFixture.sample();
        StoryFixture fixture = fixture();
        fixture.write(sample);
        fixture.group();

        Map<String, String> storyOf = fixture.storyOf();
        assertThat(storyOf).hasSize(sample.size());
        int truePairs = 0;
        int falsePairs = 0;
        int missedPairs = 0;
        for (int i = 0; i < sample.size(); i++) {
            for (int j = i + 1; j < sample.size(); j++) {
                boolean same = sample.get(i).story().equals(sample.get(j).story());
                boolean grouped = storyOf.get(sample.get(i).id()).equals(storyOf.get(sample.get(j).id()));
                truePairs += same && grouped ? 1 : 0;
                falsePairs += !same && grouped ? 1 : 0;
                missedPairs += same && !grouped ? 1 : 0;
            }
        }
        double precision = truePairs / (double) (truePairs + falsePairs);
        double recall = truePairs / (double) (truePairs + missedPairs);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.98);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.95);
        // each hard negative is a story of its own, whatever the pair counts allow
        Map<String, Long> perStory = new LinkedHashMap<>();
        sample.forEach(article -> perStory.merge(article.story(), 1L, Long::sum));
        sample.stream()
            .filter(article -> perStory.get(article.story()) == 1)
            .forEach(negative -> assertThat(storyOf.get(negative.id())).as(negative.story()).isEqualTo(negative.id()));
        // the story's id is its earliest article's: the wire's original
        Printed original = sample.get(0);
        assertThat(storyOf.get(original.id())).isEqualTo(original.id());
        assertThat(fixture.stories().get(original.id()).getList("outlets", String.class)).hasSize(8)
            .contains(original.outlet());
    }

    /**
     * A rebuild's writes to its shadow are not queued (they would be grouped against the
     * collection being replaced, then again after the switch); once the shadow is served,
     * every article of it is grouped, and live writes are queued again.
     */
    @Test
    void aRebuildsShadowIsGroupedOnceItIsServedNotWhileItIsWritten() {
        List<Printed> sample = StoryFixture.sample();
        StoryFixture fixture = fixture();
        fixture.write(sample.subList(0, 20));
        fixture.group();

        fixture.writeTo("articles_rebuilt", sample);
        assertThat(fixture.queued()).as("queued while the shadow is written").isZero();
        fixture.serve("articles_rebuilt");
        fixture.group();

        assertThat(fixture.storyOf()).hasSize(sample.size());
        Printed first = sample.get(0);
        fixture.write(List.of(first.revised(2, first.paragraphs())));
        assertThat(fixture.queued()).as("queued after a live write").isOne();
    }

    /**
     * Histories of publications, edits that give an article another story's text, and
     * removals, applied in order with regroupings in between, give the stories that the
     * final articles alone give when written at once and grouped once (a rebuild from the
     * compacted topic), whatever the order and batching.
     */
    @Test
    void theStoriesDependOnTheArticlesOnlyNotOnTheOrderOfEvents() {
        List<Printed> sample = StoryFixture.sample();
        Random random = new Random(20261206);
        for (int history = 0; history < 6; history++) {
            List<Printed> events = history(random, sample);
            Map<String, Printed> last = new LinkedHashMap<>();
            events.forEach(event -> last.merge(event.id(), event,
                    (kept, next) -> next.revision() > kept.revision() ? next : kept));

            StoryFixture rebuilt = fixture();
            rebuilt.write(new ArrayList<>(last.values()));
            rebuilt.group();

            List<Printed> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            StoryFixture live = fixture();
            int next = 0;
            while (next < shuffled.size()) {
                int batch = 1 + random.nextInt(9);
                live.write(shuffled.subList(next, Math.min(shuffled.size(), next + batch)));
                next += batch;
                if (random.nextInt(3) == 0) {
                    live.group();
                }
            }
            live.group();

            assertThat(live.stories()).as("history %d", history).isEqualTo(rebuilt.stories());
        }
    }

    /** Removing a story's earliest article hands the story on to the next one. */
    @Test
    void removingTheEarliestArticleHandsTheStoryOn() {
        List<Printed> story = StoryFixture.story(StoryFixture.sample(), "port-expansion");
        StoryFixture fixture = fixture();
        fixture.write(story);
        fixture.group();
        assertThat(fixture.stories()).containsOnlyKeys(story.get(0).id());

        fixture.write(List.of(story.get(0).removed(2)));
        fixture.group();

        Document handedOn = fixture.stories().get(story.get(1).id());
        assertThat(fixture.stories()).containsOnlyKeys(story.get(1).id());
        assertThat(handedOn.getList("articles", String.class)).hasSize(story.size() - 1)
            .doesNotContain(story.get(0).id());
        assertThat(handedOn.getInteger("size")).isEqualTo(story.size() - 1);
    }

    /**
     * An edit that gives a reprint another story's text moves it; the edit that brings an
     * article bridging two stories' texts merges them, and its removal splits them again.
     */
    @Test
    void editsMoveArticlesBetweenStoriesAndBridgesMergeAndSplit() {
        List<Printed> sample = StoryFixture.sample();
        List<Printed> port = StoryFixture.story(sample, "port-expansion");
        List<Printed> heat = StoryFixture.story(sample, "heat-wave");
        StoryFixture fixture = fixture();
        fixture.write(port);
        fixture.write(heat);
        fixture.group();
        Printed moved = port.get(3);
        fixture.write(List.of(moved.reprinting(2, heat.get(0))));
        fixture.group();
        assertThat(fixture.storyOf()).containsEntry(moved.id(), heat.get(0).id());
        assertThat(fixture.stories().get(port.get(0).id()).getInteger("size")).isEqualTo(port.size() - 1);
        assertThat(fixture.stories().get(heat.get(0).id()).getInteger("size")).isEqualTo(heat.size() + 1);

        Printed protest = sample.stream()
            .filter(article -> article.story().equals("port-expansion-protest"))
            .findFirst()
            .get();
        fixture.write(List.of(protest));
        fixture.group();
        assertThat(fixture.storyOf()).containsEntry(protest.id(), protest.id());
        List<String> both = new ArrayList<>(port.get(0).paragraphs());
        both.addAll(protest.paragraphs());
        Printed bridge = new Printed("a-bridge", 1, "both", "이음타임스", "착공식과 해상 시위",
                protest.publishedAt().plusSeconds(60), both);
        fixture.write(List.of(bridge));
        fixture.group();
        assertThat(fixture.storyOf()).containsEntry(protest.id(), port.get(0).id())
            .containsEntry(bridge.id(), port.get(0).id());

        fixture.write(List.of(bridge.removed(2)));
        fixture.group();
        assertThat(fixture.storyOf()).containsEntry(protest.id(), protest.id())
            .containsEntry(port.get(1).id(), port.get(0).id())
            .doesNotContainKey(bridge.id());
    }

    private static List<Printed> history(Random random, List<Printed> sample) {
        List<Printed> events = new ArrayList<>();
        long revision = 1;
        for (Printed article : sample) {
            events.add(article.revised(revision++, article.paragraphs()));
        }
        for (int i = 0; i < 25; i++) {
            Printed article = sample.get(random.nextInt(sample.size()));
            switch (random.nextInt(3)) {
                case 0 -> events.add(article.removed(revision++));
                case 1 -> events.add(article.reprinting(revision++, sample.get(random.nextInt(sample.size()))));
                default -> events.add(article.revised(revision++, article.paragraphs()));
            }
        }
        return events;
    }

    private StoryFixture fixture() {
        MongoTemplate database = new MongoTemplate(this.client,
                "stories-" + this.databases.size() + "-" + Long.toHexString(System.nanoTime()));
        this.databases.add(database);
        return new StoryFixture(database);
    }

}
