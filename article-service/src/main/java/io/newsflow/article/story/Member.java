package io.newsflow.article.story;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.ReadModel;
import org.bson.Document;

/**
 * An article as story grouping sees it, and the rule that tells a reprint: two articles
 * published within {@link #WINDOW} of each other whose bodies share at least
 * {@link #CONTAINED} of the smaller one's shingles ({@link #CONTAINED_SAME_OUTLET} for
 * two articles of one outlet, whose daily briefings share a template). Why these numbers:
 * docs/stories.md.
 */
record Member(String id, Instant publishedAt, String outlet, Fingerprint fingerprint, List<String> bands) {

    static final double CONTAINED = 0.6;

    static final double CONTAINED_SAME_OUTLET = 0.9;

    static final Duration WINDOW = Duration.ofDays(3);

    /** The earliest first: the lead of a story, then its reprints. */
    static final Comparator<Member> EARLIEST_FIRST = Comparator.comparing(Member::publishedAt)
        .thenComparing(Member::id);

    /** The fields a member is read from. */
    static final String[] FIELDS = { "publishedAt", "outlet", Fingerprint.FIELD, Fingerprint.BANDS_FIELD,
            ProjectionWriter.REMOVED, ProjectionWriter.REVISION };

    /**
     * The fields a candidate is read from, to tell whether it is a reprint: all but the
     * bands.
     */
    static final String[] CANDIDATE_FIELDS = { "publishedAt", "outlet", Fingerprint.FIELD, ProjectionWriter.REMOVED,
            ProjectionWriter.REVISION };

    /**
     * The article of the document, or {@code null} for a tombstone or a document not yet
     * live.
     */
    static Member of(Document article) {
        if (!ReadModel.isLive(article) || article.getDate("publishedAt") == null) {
            return null;
        }
        return new Member(article.getString("_id"), article.getDate("publishedAt").toInstant(),
                article.getString("outlet"), Fingerprint.from(article),
                article.getList(Fingerprint.BANDS_FIELD, String.class, List.of()));
    }

    /**
     * Whether the two are one story: a symmetric rule, so groups do not depend on order.
     */
    boolean isReprintOf(Member other) {
        if (this.fingerprint == null || other.fingerprint == null
                || Duration.between(this.publishedAt, other.publishedAt).abs().compareTo(WINDOW) > 0) {
            return false;
        }
        boolean sameOutlet = this.outlet != null && Objects.equals(this.outlet, other.outlet);
        return this.fingerprint.containment(other.fingerprint) >= (sameOutlet ? CONTAINED_SAME_OUTLET : CONTAINED);
    }

}
