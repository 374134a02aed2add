package io.newsflow.testsupport;

/**
 * The Kafka broker and MongoDB server that a test JVM shares between all of its test
 * classes. Implementations start lazily, once per JVM, and stop when the JVM exits.
 */
public interface Infrastructure {

    /** Bootstrap servers of the shared broker, for example {@code 127.0.0.1:38211}. */
    String kafkaBootstrapServers();

    /** Connection string of the shared MongoDB server, without a database name. */
    String mongoUri();

    /** What this infrastructure is, for test names and logs. */
    String description();

    /** Runs {@code action} at JVM exit while the broker and server are still up. */
    default void beforeStop(Runnable action) {
        Runtime.getRuntime().addShutdownHook(new Thread(action));
    }

}
