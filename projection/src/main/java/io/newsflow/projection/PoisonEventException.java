package io.newsflow.projection;

/**
 * A record that can never be applied, however often it is retried: it goes to the dead-letter topic
 * at once and the rest of its partition moves on.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }
}
