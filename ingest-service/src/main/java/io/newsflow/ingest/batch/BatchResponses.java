package io.newsflow.ingest.batch;

import java.util.List;
import java.util.function.Function;

import io.newsflow.ingest.normalize.InvalidFieldException;
import io.newsflow.ingest.publish.Prepared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP shape shared by the batch endpoints: size limits, 202 with per-item results,
 * 422 when none passed.
 */
public final class BatchResponses {

    private BatchResponses() {
    }

    public static <R> ResponseEntity<BatchResult> accept(BatchIntake intake, List<R> requests,
            Function<R, Prepared> toEvent) {
        if (requests == null || requests.isEmpty()) {
            throw new InvalidFieldException("items", "must hold at least one item");
        }
        if (requests.size() > BatchIntake.MAX_ITEMS) {
            throw new InvalidFieldException("items", "holds " + requests.size() + " items; at most "
                    + BatchIntake.MAX_ITEMS + " are accepted in one batch");
        }
        BatchResult result = intake.accept(requests, toEvent);
        if (result.accepted() == 0 && result.failed() == 0) {
            throw new BatchRejectedException(result);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(result);
    }

}
