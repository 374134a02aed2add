package io.newsflow.article.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.projection.Change;
import io.newsflow.projection.Projection;
import io.newsflow.projection.ProjectionProperties;
import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.ReadModel;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Articles written as article-service writes them (the version guard, the story queue)
 * into one database, and the stories worked out from them.
 */
final class StoryFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoTemplate mongo;

    private final ProjectionWriter<Printed> writer;

    private final StoryMaintenance maintenance;

    private final ReadModel model;

    private final StoryQueue queue;

    StoryFixture(MongoTemplate mongo) {
        this.mongo = mongo;
        ReadModel model = new ReadModel(mongo, "articles", List.of());
        StoryQueue queue = new StoryQueue(mongo, model);
        this.model = model;
        this.queue = queue;
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        this.writer = new ProjectionWriter<>(mongo, model, new PrintedProjection(), clock, List.of(queue));
        new StoryQueries(mongo, model, new ProjectionProperties(Duration.ofDays(30), Duration.ofHours(1),
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(3), Duration.ofSeconds(10), ""));
        this.maintenance = new StoryMaintenance(mongo, model, queue, new StoryGrouping(mongo),
                new StoryProperties(Duration.ofMillis(200), 7, Duration.ofSeconds(30)), clock,
                new SimpleMeterRegistry());
    }

    void write(List<Printed> events) {
        this.writer.write(events);
    }

    /** Writes as a rebuild writes its shadow collection. */
    void writeTo(String collection, List<Printed> events) {
        this.writer.write(events, collection);
    }

    /** Serves {@code collection}, as a rebuild's switch does. */
    void serve(String collection) {
        this.model.switchTo(collection);
    }

    long queued() {
        return this.queue.size();
    }

    /** Works out every queued story. */
    int group() {
        return this.maintenance.drain();
    }

    /** The stories, by id. */
    Map<String, Document> stories() {
        Map<String, Document> stories = new TreeMap<>();
        this.mongo.findAll(Document.class, StoryGrouping.STORIES)
            .forEach(story -> stories.put(story.getString("_id"), story));
        return stories;
    }

    /** The story id of every article that has one. */
    Map<String, String> storyOf() {
        Map<String, String> storyOf = new HashMap<>();
        stories().forEach(
                (id, story) -> story.getList("articles", String.class).forEach(article -> storyOf.put(article, id)));
        return storyOf;
    }

    /** An article of the evaluation sample, or its removal. */
    record Printed(String id, long revision, String story, String outlet, String title, Instant publishedAt,
            List<String> paragraphs) {

        Printed revised(long revision, List<String> paragraphs) {
            return new Printed(this.id, revision, this.story, this.outlet, this.title, this.publishedAt, paragraphs);
        }

        /**
         * This article edited to carry {@code other}'s text, published an hour after it.
         */
        Printed reprinting(long revision, Printed other) {
            return new Printed(this.id, revision, this.story, this.outlet, this.title,
                    other.publishedAt.plus(Duration.ofHours(1)), other.paragraphs);
        }

        Printed removed(long revision) {
            return new Printed(this.id, revision, this.story, this.outlet, this.title, this.publishedAt, null);
        }

        boolean isRemoval() {
            return this.paragraphs == null;
        }
    }

    /** The articles of one story of the sample, the original first. */
    static List<Printed> story(List<Printed> sample, String story) {
        return sample.stream().filter(article -> article.story().equals(story)).toList();
    }

    /** The sample of the benchmark's evaluation set, as articles at revision 1. */
    static List<Printed> sample() {
        try (InputStream in = StoryFixture.class.getResourceAsStream("/stories/evaluation-sample.json")) {
            List<Printed> articles = new ArrayList<>();
            int n = 0;
            for (JsonNode article : JSON.readTree(in)) {
                List<String> paragraphs = new ArrayList<>();
                article.get("paragraphs").forEach(text -> paragraphs.add(text.asString()));
                articles.add(new Printed(String.format("a-%024d", ++n), 1, article.get("story").asString(),
                        article.get("outlet").asString(), article.get("title").asString(),
                        OffsetDateTime.parse(article.get("publishedAt").asString()).toInstant(), paragraphs));
            }
            return articles;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The fields article-service's projection writes that grouping reads. */
    private static final class PrintedProjection implements Projection<Printed> {

        @Override
        public Change change(Printed event) {
            if (event.isRemoval()) {
                return new Change.Remove(event.id(), event.revision());
            }
            Fingerprint fingerprint = Fingerprint.of(event.paragraphs());
            Document fields = new Document("title", event.title())
                .append("url", "https://eval.example.kr/" + event.id())
                .append("outlet", event.outlet())
                .append("publishedAt", Date.from(event.publishedAt()))
                .append("tokens", List.of(event.story()));
            fields.putAll(fingerprint == null ? Fingerprint.none() : fingerprint.fields());
            return new Change.Replace(event.id(), event.revision(), "hash-" + event.paragraphs().hashCode(), fields);
        }

        @Override
        public List<String> contentFields() {
            return List.of("title", "url", "outlet", "publishedAt", "tokens", Fingerprint.FIELD,
                    Fingerprint.BANDS_FIELD);
        }

        @Override
        public Instant acceptedAt(Printed event) {
            return event.publishedAt();
        }

        @Override
        public void validate(String key, Printed event) {
        }

    }

}
