package io.newsflow.service.web;

/**
 * A field of a request (a body field such as {@code captions[0].text}, or a query
 * parameter such as {@code limit}) that cannot be used: answered 400 naming it, as
 * {@link FieldProblems} renders it in every service.
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
