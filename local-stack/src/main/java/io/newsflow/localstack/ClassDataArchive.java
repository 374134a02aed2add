package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.newsflow.embeddedmongo.EmbeddedMongo;
import io.newsflow.processes.ChildProcess;

/**
 * A class-data-sharing archive of a service, so a start maps the classes it loads instead
 * of reading, parsing and verifying them again: the three services together start on
 * about a third less CPU, which on a two-core machine is most of the time to
 * {@code ready}.
 * <p>
 * The build makes it ({@code ./newsflow} runs {@link #main} after
 * {@code ./mvnw package}): the executable jar is extracted into
 * {@code <module>/target/cds/} (CDS needs plain jars on the class path) and started once
 * with {@code -XX:ArchiveClassesAtExit} until its context is refreshed
 * ({@code spring.context.exit=onRefresh}: no broker or port is used; an empty in-memory
 * MongoDB server answers the read models' first lookup). A service whose archive is
 * missing or older than its jar runs from the jar as before.
 */
final class ClassDataArchive {

    private final Path executableJar;

    private final Path directory;

    private ClassDataArchive(Path executableJar) {
        this.executableJar = executableJar;
        this.directory = executableJar.resolveSibling("cds");
    }

    static ClassDataArchive of(Path home, String module) throws IOException {
        return new ClassDataArchive(ServiceJars.find(home, module));
    }

    /**
     * Prepares the archives of the modules given as arguments, relative to
     * {@code newsflow.home}.
     */
    public static void main(String[] modules) throws Exception {
        Path home = Path.of(System.getProperty("newsflow.home", ".")).toAbsolutePath().normalize();
        // the read models look up their collection while the context starts: an empty
        // store answers
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0)) {
            for (String module : modules) {
                ClassDataArchive archive = of(home, module);
                if (!archive.isFresh()) {
                    archive.prepare(mongo.connectionString());
                }
            }
        }
    }

    /**
     * The JVM arguments that run the service: from the archive when it is fresh, else
     * from the jar.
     */
    List<String> launchArguments() throws IOException {
        List<String> arguments = new ArrayList<>();
        if (isFresh()) {
            arguments.add("-XX:SharedArchiveFile=" + archive());
            arguments.add("-Xshare:auto");
            arguments.add("-jar");
            arguments.add(extractedJar().toString());
        }
        else {
            arguments.add("-jar");
            arguments.add(this.executableJar.toString());
        }
        return arguments;
    }

    boolean isFresh() throws IOException {
        return Files.isRegularFile(archive()) && Files.isRegularFile(extractedJar())
                && Files.getLastModifiedTime(archive()).compareTo(Files.getLastModifiedTime(this.executableJar)) > 0;
    }

    void prepare(String mongoUri) throws IOException, InterruptedException {
        Files.createDirectories(this.directory);
        Files.deleteIfExists(archive());
        Path log = this.directory.resolve("archive.log");
        run(log, mongoUri, "-Djarmode=tools", "-jar", this.executableJar.toString(), "extract", "--destination",
                this.directory.toString(), "--force");
        run(log, mongoUri, "-XX:ArchiveClassesAtExit=" + archive(), "-XX:+UseSerialGC",
                "-Dspring.context.exit=onRefresh", "-Dspring.kafka.admin.auto-create=false", "-Dserver.port=0",
                "-Dmanagement.server.port=0", "-jar", extractedJar().toString());
        if (!Files.isRegularFile(archive())) {
            throw new IllegalStateException("no class-data archive was written; see " + log);
        }
        // newer than the jar even where the file system keeps coarse times
        Files.setLastModifiedTime(archive(),
                FileTime.fromMillis(Files.getLastModifiedTime(this.executableJar).toMillis() + 1000));
    }

    private void run(Path log, String mongoUri, String... arguments) throws IOException, InterruptedException {
        try {
            ChildProcess.java("class-data archive of " + this.executableJar.getFileName())
                .arguments(arguments)
                // what the services need to create their beans; nothing is contacted
                // before the context exits
                .environment("NEWSFLOW_API_KEYS",
                        System.getenv().getOrDefault("NEWSFLOW_API_KEYS", "class-data-archive"))
                .environment("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1")
                .environment("MONGODB_URI", mongoUri)
                .log(log)
                .run(Duration.ofMinutes(3));
        }
        catch (IllegalStateException ex) {
            // the JVM writes an archive even when the context failed: never use one from
            // a failed start
            Files.deleteIfExists(archive());
            throw ex;
        }
    }

    private Path archive() {
        return this.directory.resolve("app.jsa");
    }

    private Path extractedJar() {
        return this.directory.resolve(this.executableJar.getFileName());
    }

}
