package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * mongo-java-server (a MongoDB wire-protocol server) in the launcher's JVM, persisted to an H2 file
 * under the data directory and listening on loopback. The services reach it as they would reach a
 * real MongoDB: through a connection string.
 */
final class EmbeddedMongo implements AutoCloseable {

    private final H2Backend backend;

    private final MongoServer server;

    private EmbeddedMongo(H2Backend backend, MongoServer server) {
        this.backend = backend;
        this.server = server;
    }

    static EmbeddedMongo start(Path directory, int port) throws IOException {
        Files.createDirectories(directory);
        H2Backend backend = new H2Backend(directory.resolve("newsflow.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(backend, server);
    }

    /** Stops accepting connections and commits the last writes to the file. */
    @Override
    public void close() {
        this.server.shutdownNow();
        this.backend.commit();
        this.backend.close();
    }
}
