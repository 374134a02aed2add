package io.newsflow.projection.ops;

/**
 * The dead-letter topic cannot be read now (the broker is down or does not answer):
 * {@code 503} for operators, who may try again, never a {@code 404}.
 */
public class DeadLetterTopicUnavailableException extends RuntimeException {

    DeadLetterTopicUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

}
