package io.newsflow.ingest.article;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.newsflow.contracts.ArticlePublished;
import io.newsflow.ingest.normalize.RevisionClock;
import io.newsflow.ingest.post.PostIntake;
import io.newsflow.ingest.post.PostRequest;
import io.newsflow.service.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Versions are ordered by what the source says, not by arrival: the revision a consumer
 * compares comes from {@code modifiedAt} (else {@code crawledAt}), so the first version
 * sent again after its edit is older than the edit, an exact repeat has the revision of
 * the original (a duplicate), and a source time may not lie in the future.
 */
class SourceOrderTests {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final RevisionClock clock = new RevisionClock(Clock.fixed(NOW, ZoneOffset.UTC));

    private final ArticleIntake articles = new ArticleIntake(null, this.clock, null);

    private final PostIntake posts = new PostIntake(null, this.clock, null);

    @Test
    void anOlderVersionSentAfterItsEditIsOlderThanTheEdit() {
        ArticlePublished first = article("항만 확장 첫 보도", "2026-03-01T09:00:00+09:00");
        ArticlePublished edit = article("항만 확장 고친 보도", "2026-03-01T11:30:00+09:00");
        ArticlePublished firstAgain = article("항만 확장 첫 보도", "2026-03-01T09:00:00+09:00");
        assertThat(first.revision()).isLessThan(edit.revision());
        assertThat(firstAgain.revision()).isEqualTo(first.revision()).isLessThan(edit.revision());
        assertThat(firstAgain.contentHash()).isEqualTo(first.contentHash());
    }

    @Test
    void twoVersionsOfOneMillisecondAreOrderedByTheirContentNotTheirArrival() {
        ArticlePublished one = article("같은 순간 하나", "2026-03-01T09:00:00Z");
        ArticlePublished other = article("같은 순간 둘", "2026-03-01T09:00:00Z");
        assertThat(one.revision()).isNotEqualTo(other.revision());
        assertThat(article("같은 순간 하나", "2026-03-01T09:00:00Z").revision()).isEqualTo(one.revision());
    }

    @Test
    void withoutASourceTimeTheLaterArrivalWins() {
        long first = this.articles.toEvent(request("도착 순서", null, null), NOW).revision();
        long second = this.articles.toEvent(request("도착 순서", null, null), NOW).revision();
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void crawledAtOrdersWhenModifiedAtIsAbsent() {
        long earlier = this.articles.toEvent(request("목록", null, "2026-03-01T08:00:00Z"), NOW).revision();
        long later = this.articles.toEvent(request("목록", null, "2026-03-01T09:00:00Z"), NOW).revision();
        assertThat(earlier).isLessThan(later);
        long postEarlier = this.posts
            .toEvents(new PostRequest("board", 7L, "글", null, null, null, null, 1, null, "2026-03-01T08:00:00Z"), NOW)
            .get(0)
            .revision();
        long postLater = this.posts
            .toEvents(new PostRequest("board", 7L, "글 (수정)", null, null, null, null, 2, null, "2026-03-01T09:00:00Z"),
                    NOW)
            .get(0)
            .revision();
        assertThat(postEarlier).isLessThan(postLater);
    }

    @Test
    void aSourceTimeOrADateFarInTheFutureIsRefused() {
        assertThatThrownBy(() -> article("미래", "2026-03-02T12:00:00Z")).isInstanceOf(InvalidFieldException.class)
            .extracting(ex -> ((InvalidFieldException) ex).field())
            .isEqualTo("modifiedAt");
        ArticleRequest farPublished = new ArticleRequest(null, "핀", null, List.of("본문"), null, null, null, null,
                "9999-12-31T00:00:00Z", null, null, null);
        assertThatThrownBy(() -> this.articles.toEvent(farPublished, NOW)).isInstanceOf(InvalidFieldException.class)
            .extracting(ex -> ((InvalidFieldException) ex).field())
            .isEqualTo("publishedAt");
        // within the clock skew, and a day ahead for a publish date, is fine
        assertThat(article("곧", "2026-03-02T10:30:00Z").revision()).isPositive();
    }

    private ArticlePublished article(String title, String modifiedAt) {
        return this.articles.toEvent(request(title, modifiedAt, null), NOW);
    }

    private static ArticleRequest request(String title, String modifiedAt, String crawledAt) {
        return new ArticleRequest("https://news.example.kr/harbour", title, null, List.of("항만 확장 계획이 나왔다."), null, null,
                "한빛경제", null, "2026-03-01T08:00:00+09:00", null, null, null, modifiedAt, crawledAt);
    }

}
