package io.newsflow.ingest.publish;

/**
 * Kafka refuses the event as larger than a record may be: answered 413, since retrying
 * cannot help.
 */
public class EventTooLargeException extends RuntimeException {

    public EventTooLargeException(Throwable cause) {
        super("The event is larger than the event store accepts (" + cause.getMessage() + ")", cause);
    }

}
