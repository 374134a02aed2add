package io.newsflow.ingest.normalize;

/**
 * A field that passed bean validation but cannot be normalised, such as an unparseable
 * date.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return this.field;
    }

}
