package io.newsflow.opsconsole;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.opsconsole.PrometheusText.Sample;

/**
 * A small web page that shows the pipeline live, with no Grafana needed: per-service
 * health, ingest and consumer rates by outcome, freshness p50/p99, consumer lag and dead
 * letters. It reads the services' actuator endpoints on every refresh of the page
 * ({@code /status.json}) and computes rates between two reads.
 */
public final class OpsConsole implements AutoCloseable {

    private static final Pattern COMPONENT = Pattern
        .compile("\"(\\w+)\":\\{(?:\"details\":\\{[^}]*\\},)?\"status\":\"(\\w+)\"");

    private static final Pattern OVERALL = Pattern.compile("\"status\":\"(\\w+)\"}\\s*$");

    private static final int THREADS = 4;

    private static final int MAX_REQUEST_SECONDS = 5;

    private final HttpServer server;

    private final Map<String, String> managementUrls;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Snapshot previous;

    private String lastStatus = "{}";

    private OpsConsole(HttpServer server, Map<String, String> managementUrls) {
        this.server = server;
        this.managementUrls = managementUrls;
    }

    /**
     * Serves the page on {@code 127.0.0.1:port} (0 picks a free port).
     * @param managementUrls service name to its management base URL, such as
     * {@code http://127.0.0.1:9081}
     */
    /** Read once by the JDK's server when it is first used: set before that. */
    static {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "30");
        }
    }

    public static OpsConsole start(int port, Map<String, String> managementUrls) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        OpsConsole console = new OpsConsole(server, new LinkedHashMap<>(managementUrls));
        server.createContext("/status.json", exchange -> console.respond(exchange, "application/json",
                console.status().getBytes(StandardCharsets.UTF_8)));
        server.createContext("/", exchange -> console.respond(exchange, "text/html; charset=utf-8", page()));
        // a few threads, so that a half-sent request holds one of them, never the page;
        // the JDK server drops a request that has not arrived within MAX_REQUEST_SECONDS
        server.setExecutor(Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "ops-console");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return console;
    }

    public int port() {
        return this.server.getAddress().getPort();
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    /**
     * Reads every service, compares with the previous read, and answers the page's JSON.
     */
    synchronized String status() {
        Snapshot now = scrape();
        if (this.previous != null && now.takenAtNanos() - this.previous.takenAtNanos() < 500_000_000L) {
            return this.lastStatus;
        }
        this.lastStatus = StatusJson.of(now, this.previous);
        this.previous = now;
        return this.lastStatus;
    }

    private Snapshot scrape() {
        Map<String, Snapshot.Service> services = new LinkedHashMap<>();
        this.managementUrls.forEach((name, url) -> services.put(name, read(name, url)));
        return new Snapshot(System.nanoTime(), services);
    }

    private Snapshot.Service read(String name, String url) {
        String health = get(url + "/actuator/health");
        if (health == null) {
            return new Snapshot.Service(name, "DOWN", Map.of(), List.of());
        }
        Map<String, String> components = new TreeMap<>();
        Matcher component = COMPONENT.matcher(health);
        while (component.find()) {
            components.put(component.group(1), component.group(2));
        }
        Matcher overall = OVERALL.matcher(health);
        String status = overall.find() ? overall.group(1) : "UNKNOWN";
        String metrics = get(url + "/actuator/prometheus");
        List<Sample> samples = metrics == null ? List.of() : PrometheusText.parse(metrics);
        return new Snapshot.Service(name, status, components, samples);
    }

    private String get(String url) {
        try {
            HttpResponse<String> response = this.http.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        }
        catch (IOException ex) {
            return null;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void respond(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] page() throws IOException {
        try (InputStream in = OpsConsole.class.getResourceAsStream("index.html")) {
            return in.readAllBytes();
        }
    }

}
