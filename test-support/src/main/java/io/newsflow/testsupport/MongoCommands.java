package io.newsflow.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;

/**
 * Every command a service sends to MongoDB, as the server receives it: for tests that
 * check what reaches the store (that a bad request never does, that a query carries its
 * time limit, that a summary is not recomputed per request).
 * {@code @Import(MongoCommands.Recording.class)} into a {@code @SpringBootTest} and
 * autowire {@link MongoCommands}.
 */
public final class MongoCommands implements CommandListener {

    private final List<BsonDocument> sent = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        this.sent.add(event.getCommand().clone());
    }

    /** The commands sent so far, oldest first. */
    public List<BsonDocument> sent() {
        return List.copyOf(this.sent);
    }

    /**
     * The commands named {@code name} (such as {@code find}) on {@code collection}, sent
     * so far.
     */
    public List<BsonDocument> sent(String name, String collection) {
        return sent(command -> names(command, name, collection));
    }

    /** A mark for {@link #readsOf(String, int)}: how many commands were sent so far. */
    public int mark() {
        return this.sent.size();
    }

    /** The queries of {@code collection} sent after {@code mark}. */
    public List<BsonDocument> readsOf(String collection, int mark) {
        return List.copyOf(this.sent.subList(mark, this.sent.size()))
            .stream()
            .filter(command -> isReadOf(command, collection))
            .toList();
    }

    /** The server-side time limit a command carries ({@code maxTimeMS}), 0 when none. */
    public static long timeLimitMillis(BsonDocument command) {
        return command.containsKey("maxTimeMS") ? command.getNumber("maxTimeMS").longValue() : 0;
    }

    /** Whether {@code command} queries {@code collection}: a find, aggregate or count. */
    public boolean isReadOf(BsonDocument command, String collection) {
        return names(command, "find", collection) || names(command, "aggregate", collection)
                || names(command, "count", collection);
    }

    /** Whether {@code command} is the command {@code name} on {@code collection}. */
    private static boolean names(BsonDocument command, String name, String collection) {
        return command.containsKey(name) && command.get(name).isString()
                && command.getString(name).getValue().equals(collection);
    }

    public List<BsonDocument> sent(Predicate<BsonDocument> matching) {
        return this.sent.stream().filter(matching).toList();
    }

    /** Registers the recorder with the service's MongoDB client. */
    @Configuration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        MongoCommands mongoCommands() {
            return new MongoCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordMongoCommands(MongoCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }

    }

}
