package io.newsflow.projection.read;

/**
 * A query parameter of a read API that cannot be used: answered 400 naming the parameter.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return this.parameter;
    }

}
