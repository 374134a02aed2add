package io.newsflow.projection.read;

/** A requested entity is not in the read model (or was removed): answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

}
