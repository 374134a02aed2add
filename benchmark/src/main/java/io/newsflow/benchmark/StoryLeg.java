package io.newsflow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.newsflow.benchmark.StoryEvaluationSet.Labelled;
import io.newsflow.opsconsole.PrometheusText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stories leg: the labelled evaluation set sent through ingest like any crawl, the
 * stories article-service works out for it read back from its API, and their quality as
 * pairs: precision (pairs grouped that are one story) and recall (pairs of one story that
 * are grouped), over the whole set and per kind of edit on lone reprints; with the cost
 * per article of fingerprinting and regrouping from article-service's own timers.
 */
final class StoryLeg {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(20);

    private static final String REGROUPED = "newsflow_stories_regrouped_articles_total";

    private final HttpClient http;

    private final StackUnderTest stack;

    private final IngestClient ingest;

    private final Report report;

    StoryLeg(HttpClient http, StackUnderTest stack, IngestClient ingest, Report report) {
        this.http = http;
        this.stack = stack;
        this.ingest = ingest;
        this.report = report;
    }

    void run() throws Exception {
        long drainStarted = System.nanoTime();
        double backlog = metric("newsflow_stories_pending");
        awaitNothingPending();
        this.report.add(String.format(Locale.ROOT, "stories: backlog of the legs before (%,.0f articles) regrouped in",
                backlog), Report.seconds((System.nanoTime() - drainStarted) / 1e9));

        List<Labelled> set = StoryEvaluationSet.all();
        Map<String, Double> before = costMetrics();
        List<Map<String, Object>> requests = set.stream().map(Labelled::request).toList();
        IngestClient.Answer answer = this.ingest.send(true, JSON.writeValueAsString(requests));
        if (answer.acceptedIds().size() != set.size()) {
            throw new IllegalStateException("ingest accepted " + answer.acceptedIds().size() + " of " + set.size());
        }
        List<String> ids = answer.acceptedIds();
        Map<String, String> storyOf = awaitStories(ids);
        Map<String, Double> after = costMetrics();

        Quality all = Quality.of(set, ids, storyOf, article -> true);
        this.report.add("stories: precision over all pairs of the evaluation set (" + set.size() + " articles)",
                share(all.precision()), "", ">= 0.98", all.precision() >= 0.98);
        this.report.add("stories: recall over all pairs of the evaluation set", share(all.recall()), "", ">= 0.95",
                all.recall() >= 0.95);
        Map<String, Quality> perKind = new TreeMap<>();
        set.stream()
            .filter(article -> article.story().contains("@"))
            .map(article -> article.story().substring(article.story().indexOf('@') + 1))
            .distinct()
            .forEach(kind -> perKind.put(kind,
                    Quality.of(set, ids, storyOf, article -> article.story().endsWith("@" + kind))));
        perKind.forEach(
                (kind, quality) -> this.report.add("  recall of a lone reprint: " + kind, share(quality.recall())));
        double articles = after.get("articles") - before.get("articles");
        double fingerprint = (after.get("fingerprint") - before.get("fingerprint")) * 1e6 / set.size();
        double regrouping = (after.get("regrouping") - before.get("regrouping")) * 1e6 / articles;
        this.report.add("stories: article-service time per article, fingerprint / regrouping",
                String.format(Locale.ROOT, "%,.0f µs / %,.0f µs", fingerprint, regrouping));
    }

    private static String share(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /**
     * Pair counts of a part of the set: every pair of its articles, grouped or not, of
     * one label or not.
     */
    private record Quality(double precision, double recall) {

        static Quality of(List<Labelled> set, List<String> ids, Map<String, String> storyOf, Predicate<Labelled> part) {
            long grouped = 0;
            long right = 0;
            long same = 0;
            for (int i = 0; i < set.size(); i++) {
                for (int j = i + 1; j < set.size(); j++) {
                    if (!part.test(set.get(i)) || !part.test(set.get(j))) {
                        continue;
                    }
                    boolean one = set.get(i).story().equals(set.get(j).story());
                    boolean together = storyOf.get(ids.get(i)).equals(storyOf.get(ids.get(j)));
                    grouped += together ? 1 : 0;
                    right += together && one ? 1 : 0;
                    same += one ? 1 : 0;
                }
            }
            return new Quality(grouped == 0 ? 1 : right / (double) grouped, same == 0 ? 1 : right / (double) same);
        }
    }

    /** Every article's story, once none is pending any more. */
    private Map<String, String> awaitStories(List<String> ids) throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (true) {
            Map<String, String> storyOf = new HashMap<>();
            for (String id : ids) {
                JsonNode article = get(this.stack.articleUrl() + "/api/v1/articles/" + id);
                if (article != null && article.hasNonNull("story")) {
                    storyOf.put(id, article.get("story").get("id").asString());
                }
            }
            if (storyOf.size() == ids.size() && metric("newsflow_stories_pending") == 0) {
                // read again: a regrouping may have finished between the reads
                Map<String, String> settled = new HashMap<>();
                for (String id : ids) {
                    settled.put(id,
                            get(this.stack.articleUrl() + "/api/v1/articles/" + id).get("story").get("id").asString());
                }
                if (settled.equals(storyOf)) {
                    return settled;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(storyOf.size() + " of " + ids.size() + " articles had a story");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Waits until article-service has nothing left to regroup, so that a leg after it has
     * the store to itself; a rebuild's switch queues every article at the worker's next
     * pass, so the queue must stay empty for a while.
     * @return the articles regrouped while it waited and the seconds it waited
     */
    Settled settle() throws Exception {
        long started = System.nanoTime();
        double regroupedBefore = metric(REGROUPED);
        Thread.sleep(2000);
        do {
            awaitNothingPending();
            Thread.sleep(2000);
        }
        while (metric("newsflow_stories_pending") > 0);
        return new Settled(metric(REGROUPED) - regroupedBefore, (System.nanoTime() - started) / 1e9);
    }

    /**
     * A wait for the story worker: the pending count at its start would miss what a
     * rebuild's switch queues during it, so it counts the articles regrouped.
     */
    record Settled(double regrouped, double seconds) {

        void addTo(Report report, String before) {
            report.add(String.format(Locale.ROOT, "  story worker idle before %s: %,.0f articles regrouped in", before,
                    this.regrouped), Report.seconds(this.seconds));
        }

    }

    private void awaitNothingPending() throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (metric("newsflow_stories_pending") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("stories still pending after " + SETTLE_TIMEOUT);
            }
            Thread.sleep(500);
        }
    }

    private Map<String, Double> costMetrics() throws IOException, InterruptedException {
        Map<String, Double> figures = new HashMap<>();
        figures.put("regrouping", metric("newsflow_stories_regrouping_seconds_sum"));
        figures.put("fingerprint", metric("newsflow_stories_fingerprint_seconds_sum"));
        figures.put("articles", metric(REGROUPED));
        return figures;
    }

    private double metric(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = this.http
            .send(HttpRequest.newBuilder(URI.create(this.stack.articleManagementUrl() + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        List<Double> values = new ArrayList<>();
        PrometheusText.parse(response.body())
            .stream()
            .filter(sample -> sample.name().equals(name))
            .forEach(sample -> values.add(sample.value()));
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = this.http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

}
