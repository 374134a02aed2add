package io.newsflow.ingest.page;

/**
 * A page beyond what one request may carry: more items than a batch, a line or paragraph
 * longer than any article field, HTML larger than the parser reads. Answered 413 saying
 * which limit.
 */
public class PageLimitExceededException extends RuntimeException {

    PageLimitExceededException(String message) {
        super(message);
    }

}
