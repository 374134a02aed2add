package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.newsflow.embeddedmongo.EmbeddedMongo;
import io.newsflow.embeddedmongo.EmbeddedMongo.Store;
import io.newsflow.opsconsole.OpsConsole;
import io.newsflow.processes.ChildProcess;
import io.newsflow.processes.KafkaServerProcess;
import io.newsflow.processes.Ports;
import io.newsflow.processes.Readiness;

/**
 * {@code ./newsflow up}: starts a real Kafka broker, an embedded MongoDB server persisted
 * under {@code ./data} and the three services, prints their URLs and {@code ready} once
 * every health check is UP, and stops everything on Ctrl-C or SIGTERM.
 */
public final class LocalStack {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);

    private final StackSettings settings;

    /**
     * A service restarted more often than this in {@link #RESTART_WINDOW} stops the
     * stack.
     */
    private static final int RESTARTS = 3;

    private static final Duration RESTART_WINDOW = Duration.ofMinutes(10);

    /** The process of each service, by its name: the one started last. */
    private final Map<String, ChildProcess> running = new ConcurrentHashMap<>();

    private final long started = System.nanoTime();

    private volatile EmbeddedMongo mongo;

    private volatile KafkaServerProcess kafka;

    private volatile OpsConsole console;

    private volatile boolean stopping;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        if (args.length != 1 || !args[0].equals("up")) {
            System.err.println("usage: ./newsflow up");
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("newsflow.home", ".")).toAbsolutePath().normalize();
        StackSettings settings;
        try {
            settings = StackSettings.from(System.getenv(), home);
        }
        catch (IllegalArgumentException ex) {
            System.err.println("newsflow: " + ex.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "newsflow-stop"));
        try {
            stack.up();
            stack.watch();
        }
        catch (Exception ex) {
            System.err.println("newsflow: " + ex.getMessage());
            System.exit(1);
        }
    }

    private void up() throws IOException, InterruptedException {
        Files.createDirectories(this.settings.logs());
        PidFile.claim(this.settings.data());
        checkPortsFree();
        if (this.settings.startsKafka()) {
            step("kafka", "starting a KRaft broker on 127.0.0.1:" + this.settings.kafkaPort());
            this.kafka = KafkaBroker.start(this.settings, libraryClasspath());
        }
        if (this.settings.startsMongo()) {
            step("mongo", "starting mongo-java-server on 127.0.0.1:" + this.settings.mongoPort() + " ("
                    + (this.settings.store() == Store.MEMORY ? "in memory: the read models fill it from the topics"
                            : "data in " + this.settings.home().relativize(this.settings.data().resolve("mongo")))
                    + ", store " + this.settings.store().id() + ")");
            this.mongo = EmbeddedMongo.start(this.settings.store(), this.settings.data().resolve("mongo"),
                    this.settings.mongoPort(), this.settings.storeCacheMegabytes());
            step("mongo", "ready");
        }
        else {
            step("mongo", "using " + redact(this.settings.mongoUri()));
        }
        if (this.kafka != null) {
            this.kafka.awaitReady(KafkaBroker.START_TIMEOUT);
        }
        else {
            Readiness.await("kafka", KafkaBroker.START_TIMEOUT, null,
                    () -> KafkaServerProcess.isReady(this.settings.kafkaBootstrapServers()));
        }
        step("kafka", "ready at " + this.settings.kafkaBootstrapServers());
        Map<StackSettings.Service, ChildProcess> services = new HashMap<>();
        for (StackSettings.Service service : services()) {
            step(service.name(), "starting on port " + service.port());
            services.put(service, startService(service));
        }
        for (StackSettings.Service service : services()) {
            Readiness.await(service.name(), SERVICE_START_TIMEOUT, services.get(service),
                    () -> Readiness.isUp(service.healthUrl()));
            step(service.name(), "UP");
        }
        Map<String, String> management = new LinkedHashMap<>();
        services().forEach(service -> management.put(service.name(), "http://127.0.0.1:" + service.managementPort()));
        this.console = OpsConsole.start(this.settings.opsPort(), management);
        printReady();
    }

    private List<StackSettings.Service> services() {
        return List.of(this.settings.ingest(), this.settings.article(), this.settings.board());
    }

    private ChildProcess startService(StackSettings.Service service) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", this.settings.kafkaBootstrapServers());
        environment.put("MONGODB_URI", this.settings.mongoUri());
        environment.put(service.portVariable(), String.valueOf(service.port()));
        environment.put(service.managementPortVariable(), String.valueOf(service.managementPort()));
        environment.put("SERVER_ADDRESS", StackSettings.LOOPBACK);
        environment.put("MANAGEMENT_SERVER_ADDRESS", StackSettings.LOOPBACK);
        environment.put("NEWSFLOW_API_KEYS", keys("NEWSFLOW_API_KEYS", this.settings.apiKey()));
        environment.put("NEWSFLOW_OPERATOR_KEYS", keys("NEWSFLOW_OPERATOR_KEYS", this.settings.operatorKey()));
        // one instance per service here: a restart after a crash takes its partitions
        // back at once
        environment.put("NEWSFLOW_INSTANCE_ID", service.name() + "-local");
        // sized for one machine running the whole stack: 32 request threads serve two
        // cores well
        environment.put("SERVER_TOMCAT_THREADS_MAX", System.getenv().getOrDefault("SERVER_TOMCAT_THREADS_MAX", "32"));
        // the heap at its whole size from the start, and metadata room for what a
        // service loads: grown from 64 MB, a service's heap reached its working size
        // (130-210 MB under load) one full collection at a time, and nearly all of its
        // stops over 50 ms were in its first three minutes (docs/performance.md)
        List<String> arguments = new ArrayList<>(List.of("-Xms256m", "-Xmx256m", "-XX:MetaspaceSize=128m",
                "-XX:+ExitOnOutOfMemoryError", this.settings.gcLogOption(service.name())));
        arguments.addAll(this.settings.serviceCollector());
        // such as a flight recording or another collector: NEWSFLOW_SERVICE_JAVA_OPTIONS,
        // {service} for the service's name
        this.settings.serviceJavaOptions()
            .forEach(option -> arguments.add(option.replace("{service}", service.name())));
        arguments.addAll(ClassDataArchive.of(this.settings.home(), service.name()).launchArguments());
        ChildProcess child = ChildProcess.java(service.name())
            .arguments(arguments)
            .environment(environment)
            .directory(this.settings.home())
            .log(this.settings.logs().resolve(service.name() + ".log"))
            .start();
        this.running.put(service.name(), child);
        return child;
    }

    /**
     * Every key the environment sets (for rotation, several), else the development key.
     */
    private static String keys(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Keeps the foreground until Ctrl-C. A service that exits (out of memory, killed) is
     * reported with its exit code and started again, so one part's end never takes the
     * others down silently; nothing it acknowledged is lost (that is in Kafka) and its
     * consumers resume from their committed offsets. A service that exits more than
     * {@value #RESTARTS} times in {@link #RESTART_WINDOW}, or Kafka, stops the stack,
     * which exits non-zero.
     */
    private void watch() throws InterruptedException, IOException {
        Map<String, Deque<Long>> restarts = new HashMap<>();
        while (!this.stopping) {
            if (this.kafka != null && !this.kafka.isAlive() && !this.stopping) {
                throw new IllegalStateException("kafka stopped unexpectedly; see " + relative(this.kafka.log()));
            }
            for (StackSettings.Service service : services()) {
                ChildProcess child = this.running.get(service.name());
                if (child == null || child.isAlive() || this.stopping) {
                    continue;
                }
                int exit = child.awaitExit(Duration.ofSeconds(5));
                Deque<Long> recent = restarts.computeIfAbsent(service.name(), name -> new ArrayDeque<>());
                long now = System.nanoTime();
                while (!recent.isEmpty() && now - recent.peekFirst() > RESTART_WINDOW.toNanos()) {
                    recent.removeFirst();
                }
                if (recent.size() >= RESTARTS) {
                    throw new IllegalStateException(
                            service.name() + " exited " + (RESTARTS + 1) + " times within " + RESTART_WINDOW.toMinutes()
                                    + " minutes (last exit code " + exit + "); see " + relative(child.log()));
                }
                recent.addLast(now);
                step(service.name(), "EXITED with code " + exit + (exit == 3 ? " (out of memory)" : "") + "; see "
                        + relative(child.log()) + "; restarting (" + recent.size() + " of " + RESTARTS + ")");
                ChildProcess restarted = startService(service);
                Readiness.await(service.name(), SERVICE_START_TIMEOUT, restarted,
                        () -> Readiness.isUp(service.healthUrl()));
                step(service.name(), "UP again");
            }
            Thread.sleep(500);
        }
    }

    private synchronized void stop() {
        if (this.stopping) {
            return;
        }
        this.stopping = true;
        System.out.println();
        step("newsflow", "stopping");
        this.running.values().parallelStream().forEach(ChildProcess::stop);
        if (this.kafka != null) {
            this.kafka.stop();
        }
        if (this.console != null) {
            this.console.close();
        }
        if (this.mongo != null) {
            this.mongo.close();
        }
        PidFile.release(this.settings.data());
        step("newsflow", "stopped; data kept in " + relative(this.settings.data()));
    }

    private void checkPortsFree() {
        List<Integer> ports = new ArrayList<>();
        if (this.settings.startsKafka()) {
            ports.add(this.settings.kafkaPort());
            ports.add(this.settings.kafkaControllerPort());
        }
        if (this.settings.startsMongo()) {
            ports.add(this.settings.mongoPort());
        }
        services().forEach(service -> {
            ports.add(service.port());
            ports.add(service.managementPort());
        });
        ports.add(this.settings.opsPort());
        for (int port : ports) {
            if (!Ports.isFree(port)) {
                throw new IllegalStateException("port " + port + " is in use; stop what uses it or choose another"
                        + " port (see README, Configuration)");
            }
        }
    }

    private void printReady() {
        System.out.println();
        System.out.printf("  ops page          http://localhost:%d/   (the pipeline live)%n", this.settings.opsPort());
        System.out.printf("  ingest-service    %s   (POST /api/v1/articles, /posts, /pages; /swagger-ui.html)%n",
                this.settings.ingest().url());
        System.out.printf("  article-service   %s   (GET /api/v1/articles?q=, /api/v1/articles/{id})%n",
                this.settings.article().url());
        System.out.printf("  board-service     %s   (GET /api/v1/boards, /api/v1/boards/{board}/posts)%n",
                this.settings.board().url());
        System.out.printf("  kafka             %s%n", this.settings.kafkaBootstrapServers());
        System.out.printf("  mongodb           %s%n", redact(this.settings.mongoUri()));
        System.out.printf("  API key           %s   (header X-API-Key: ingest's writes)%n", this.settings.apiKey());
        System.out.printf("  operator key      %s   (header X-API-Key: dead letters and rebuild on ports %d, %d)%n",
                this.settings.operatorKey(), this.settings.article().managementPort(),
                this.settings.board().managementPort());
        System.out.printf("  listening on      %s only%n", StackSettings.LOOPBACK);
        System.out.printf("  logs              %s%n", relative(this.settings.logs()));
        System.out.println();
        System.out.printf("ready in %.1f s — Ctrl-C stops everything%n", (System.nanoTime() - this.started) / 1e9);
    }

    private String libraryClasspath() {
        Path jar = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        return jar.resolveSibling("lib").resolve("*").toString();
    }

    private String relative(Path path) {
        return path.startsWith(this.settings.home()) ? this.settings.home().relativize(path).toString()
                : path.toString();
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]+@", "//***@");
    }

    private void step(String part, String message) {
        System.out.printf("[%5.1fs] %-16s %s%n", (System.nanoTime() - this.started) / 1e9, part, message);
    }

}
