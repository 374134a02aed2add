package io.newsflow.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.newsflow.embeddedmongo.EmbeddedMongo;
import io.newsflow.embeddedmongo.EmbeddedMongo.Store;

/**
 * Where the local stack runs, read from the environment. Every port can be overridden;
 * when {@code KAFKA_BOOTSTRAP_SERVERS} or {@code MONGODB_URI} is set, that broker or
 * server is used and none is started.
 */
record StackSettings(Path home, Path data, String externalKafka, String externalMongo, int kafkaPort,
        int kafkaControllerPort, int mongoPort, int opsPort, Service ingest, Service article, Service board,
        String apiKey, String operatorKey, Store store, int storeCacheMegabytes, List<String> serviceJavaOptions) {

    /** A service of the stack: its module, HTTP port and management (actuator) port. */
    record Service(String name, int port, int managementPort, String portVariable, String managementPortVariable) {

        String url() {
            return "http://localhost:" + this.port;
        }

        String healthUrl() {
            return "http://" + LOOPBACK + ":" + this.managementPort + "/actuator/health";
        }
    }

    /**
     * The embedded store when {@code NEWSFLOW_STORE} names none; see docs/performance.md.
     */
    static final Store DEFAULT_STORE = Store.H2;

    static final String DEV_API_KEY = "dev-local-key";

    static final String DEV_OPERATOR_KEY = "dev-operator-key";

    /**
     * Every port of the stack listens here only: a development stack is never reachable
     * from the network.
     */
    static final String LOOPBACK = "127.0.0.1";

    static StackSettings from(Map<String, String> env, Path home) {
        Path data = home.resolve(env.getOrDefault("NEWSFLOW_DATA", "data")).toAbsolutePath().normalize();
        return new StackSettings(home, data, blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                blankToNull(env.get("MONGODB_URI")), port(env, "KAFKA_PORT", 9092),
                port(env, "KAFKA_CONTROLLER_PORT", 9093), port(env, "MONGO_PORT", 27017),
                port(env, "NEWSFLOW_OPS_PORT", 8080), service(env, "ingest-service", "INGEST", 8081, 9081),
                service(env, "article-service", "ARTICLE", 8082, 9082),
                service(env, "board-service", "BOARD", 8083, 9083), firstKey(env, "NEWSFLOW_API_KEYS", DEV_API_KEY),
                firstKey(env, "NEWSFLOW_OPERATOR_KEYS", DEV_OPERATOR_KEY),
                Store.named(env.getOrDefault("NEWSFLOW_STORE", DEFAULT_STORE.id()).trim()),
                number(env, "NEWSFLOW_STORE_CACHE_MB", 384, 16),
                List.of(env.getOrDefault("NEWSFLOW_SERVICE_JAVA_OPTIONS", "").trim().split("\\s+"))
                    .stream()
                    .filter(option -> !option.isEmpty())
                    .toList());
    }

    boolean startsKafka() {
        return this.externalKafka == null;
    }

    boolean startsMongo() {
        return this.externalMongo == null;
    }

    String kafkaBootstrapServers() {
        return startsKafka() ? "127.0.0.1:" + this.kafkaPort : this.externalKafka;
    }

    String mongoUri() {
        return startsMongo() ? "mongodb://127.0.0.1:" + this.mongoPort : this.externalMongo;
    }

    Path logs() {
        return this.data.resolve("logs");
    }

    /**
     * The option that logs the collector's work and every safepoint (each stop of all of
     * a JVM's threads, with its length) of {@code process} to {@code <process>-gc.log}:
     * the benchmark reads each process's longest stall from it.
     */
    String gcLogOption(String process) {
        return "-Xlog:gc,safepoint:file=" + logs().resolve(process + "-gc.log")
                + ":uptime,time:filecount=3,filesize=20m";
    }

    /**
     * The services' collector: the serial one, unless NEWSFLOW_SERVICE_JAVA_OPTIONS names
     * another (a JVM refuses two).
     */
    List<String> serviceCollector() {
        boolean named = this.serviceJavaOptions.stream()
            .anyMatch(option -> option.startsWith("-XX:+Use") && option.endsWith("GC"));
        return named ? List.of() : List.of("-XX:+UseSerialGC");
    }

    private static Service service(Map<String, String> env, String name, String prefix, int port, int management) {
        return new Service(name, port(env, prefix + "_PORT", port), port(env, prefix + "_MANAGEMENT_PORT", management),
                prefix + "_PORT", prefix + "_MANAGEMENT_PORT");
    }

    private static int number(Map<String, String> env, String variable, int fallback, int minimum) {
        String value = blankToNull(env.get(variable));
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < minimum) {
                throw new NumberFormatException();
            }
            return number;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(
                    variable + " must be a whole number of at least " + minimum + ": " + value);
        }
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(variable + " must be a port number between 1 and 65535: " + value);
        }
    }

    /**
     * The first of the comma-separated keys in {@code variable}, or the development key.
     */
    private static String firstKey(Map<String, String> env, String variable, String fallback) {
        String value = blankToNull(env.get(variable));
        return value == null ? fallback : value.split(",")[0].trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
