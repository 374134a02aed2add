package io.newsflow.projection.read;

import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * One entity of a read API with an ETag of its revision: a request whose
 * {@code If-None-Match} names it is answered 304 without a body.
 */
public final class RevisionETag {

    private RevisionETag() {
    }

    /** The entity with its ETag, or {@code null} once the request was answered 304. */
    public static <T> ResponseEntity<T> answer(T entity, long revision, WebRequest request) {
        return answer(entity, Long.toString(revision), request);
    }

    /**
     * The entity with an ETag of its version: its revision and whatever else the answer
     * shows that has a life of its own (the story of an article).
     */
    public static <T> ResponseEntity<T> answer(T entity, String version, WebRequest request) {
        String etag = "\"" + version + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(entity);
    }

}
