package io.newsflow.ingest.batch;

/**
 * Every item of a batch was rejected: answered 422 with the result, so nothing is
 * mistaken for accepted.
 */
public class BatchRejectedException extends RuntimeException {

    private final transient BatchResult result;

    public BatchRejectedException(BatchResult result) {
        super("Every item of the batch was rejected");
        this.result = result;
    }

    public BatchResult result() {
        return this.result;
    }

}
