package io.newsflow.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.newsflow.article.ArticleApplication;
import io.newsflow.board.BoardApplication;
import io.newsflow.ingest.IngestApplication;
import io.newsflow.testsupport.Infrastructure;
import io.newsflow.testsupport.InfrastructureProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services running in this JVM on random ports against one
 * {@link Infrastructure}, each with its own configuration file and database, as in
 * production. Started once per infrastructure and shared by every test class.
 */
final class NewsflowSystem {

    private static final Map<String, NewsflowSystem> RUNNING = new ConcurrentHashMap<>();

    /**
     * The read models put MongoDB on this shared classpath; ingest, which has no database
     * in its own jar, must not configure one here either.
     */
    private static final String INGEST_HAS_NO_DATABASE = String.join(",",
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration");

    static final String API_KEY = "system-test-key";

    static final String OPERATOR_KEY = "system-test-operator-key";

    private static final String FRESH_SUMMARIES = "--newsflow.projection.summary-max-age=0s";

    private static final String OPERATOR_KEYS = "--newsflow.security.operator-keys=" + OPERATOR_KEY;

    /** The spans every service of every system in this JVM finished. */
    static final RecordedSpans SPANS = new RecordedSpans();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String ingest;

    private final String articles;

    private final String boards;

    private final List<String> managementUrls = new ArrayList<>();

    private NewsflowSystem(Infrastructure infrastructure) {
        this.ingest = baseUrl(start(IngestApplication.application(), infrastructure,
                "--spring.autoconfigure.exclude=" + INGEST_HAS_NO_DATABASE, "--newsflow.security.api-keys=" + API_KEY));
        // summaries computed on every request: these flows read what they just wrote (the
        // services'
        // own tests cover the summaries' caching)
        this.articles = baseUrl(
                start(ArticleApplication.application(), infrastructure, FRESH_SUMMARIES, OPERATOR_KEYS));
        this.boards = baseUrl(start(BoardApplication.application(), infrastructure, FRESH_SUMMARIES, OPERATOR_KEYS));
    }

    static NewsflowSystem on(Infrastructure infrastructure) {
        return RUNNING.computeIfAbsent(infrastructure.description(), name -> new NewsflowSystem(infrastructure));
    }

    /**
     * Connection properties and random ports go in as command-line arguments, over the
     * service's configuration.
     */
    private static ConfigurableApplicationContext start(SpringApplication application, Infrastructure infrastructure,
            String... extraArgs) {
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("recordedSpans", SPANS));
        Map<String, Object> properties = new HashMap<>(InfrastructureProperties.of(infrastructure));
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        String[] args = Stream
            .concat(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()),
                    Stream.of(extraArgs))
            .toArray(String[]::new);
        ConfigurableApplicationContext context = application.run(args);
        infrastructure.beforeStop(context::close);
        return context;
    }

    private String baseUrl(ConfigurableApplicationContext context) {
        this.managementUrls.add("http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port"));
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Service name to management base URL, in start order: ingest, article, board. */
    Map<String, String> managementUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        List<String> names = List.of("ingest-service", "article-service", "board-service");
        for (int i = 0; i < names.size(); i++) {
            urls.put(names.get(i), this.managementUrls.get(i));
        }
        return urls;
    }

    /** What every service's {@code /actuator/prometheus} serves, one after the other. */
    String prometheus() {
        StringBuilder scraped = new StringBuilder();
        for (String management : this.managementUrls) {
            scraped
                .append(send(HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus")).GET().build())
                    .body())
                .append('\n');
        }
        return scraped.toString();
    }

    String ingestUrl() {
        return this.ingest;
    }

    String articlesUrl() {
        return this.articles;
    }

    String boardsUrl() {
        return this.boards;
    }

    HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A write to ingest with the API key, and any further headers as name, value pairs.
     */
    HttpResponse<String> post(String pathAndQuery, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.ingest + pathAndQuery))
            .header("Content-Type", contentType)
            .header("X-API-Key", API_KEY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A DELETE to ingest with the API key. */
    HttpResponse<String> delete(String path) {
        return send(
                HttpRequest.newBuilder(URI.create(this.ingest + path)).header("X-API-Key", API_KEY).DELETE().build());
    }

    /** A GET of a full URL (any service's), without a key. */
    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    HttpResponse<String> getArticles(String path) {
        return send(HttpRequest.newBuilder(URI.create(this.articles + path)).GET().build());
    }

    HttpResponse<String> getBoards(String path) {
        return send(HttpRequest.newBuilder(URI.create(this.boards + path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
