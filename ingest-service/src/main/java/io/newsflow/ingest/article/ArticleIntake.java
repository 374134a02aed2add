package io.newsflow.ingest.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.newsflow.contracts.ArticleEvent;
import io.newsflow.contracts.ArticlePublished.BoardPost;
import io.newsflow.contracts.ArticlePublished.Caption;
import io.newsflow.contracts.ArticlePublished;
import io.newsflow.contracts.ArticleRemoved;
import io.newsflow.contracts.Topics;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.newsflow.ingest.normalize.Dates;
import io.newsflow.ingest.normalize.Hashing;
import io.newsflow.ingest.normalize.RevisionClock;
import io.newsflow.ingest.normalize.Text;
import io.newsflow.ingest.normalize.Urls;
import io.newsflow.ingest.publish.EventPublisher;
import io.newsflow.ingest.publish.OutgoingEvent;
import io.newsflow.ingest.publish.Prepared;
import io.newsflow.service.web.InvalidFieldException;

import org.springframework.stereotype.Service;

/**
 * Turns article requests into normalised {@link ArticlePublished} events and publishes
 * them. An article's id comes from its canonical URL, or from its content when it has
 * none, so sending the same article again yields the same id.
 */
@Service
public class ArticleIntake {

    private static final String DEFAULT_LANGUAGE = "ko";

    private static final Pattern ARTICLE_ID = Pattern.compile("a-[0-9a-f]{24}");

    private final EventPublisher publisher;

    private final RevisionClock clock;

    private final IngestMetrics metrics;

    public ArticleIntake(EventPublisher publisher, RevisionClock clock, IngestMetrics metrics) {
        this.publisher = publisher;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Publishes the article and returns its id once Kafka acknowledged it. */
    public String accept(ArticleRequest request) {
        Prepared article = prepare(request);
        this.publisher.publish(article);
        this.metrics.accepted(IngestMetrics.ARTICLE, 1);
        return article.id();
    }

    /** Publishes the removal of an article and returns once Kafka acknowledged it. */
    public void remove(String id) {
        if (!ARTICLE_ID.matcher(id).matches()) {
            throw new InvalidFieldException("id", "must be an article id such as a-3f2b9c4d1e0a7b6c5d4e3f2a");
        }
        Instant now = this.clock.now();
        this.publisher.publish(Prepared.of(outgoing(new ArticleRemoved(UUID.randomUUID().toString(), now,
                ArticleEvent.SCHEMA_VERSION, id, this.clock.next(now)))));
    }

    /** The normalised event of a request, accepted now, ready to publish. */
    public Prepared prepare(ArticleRequest request) {
        Instant now = this.clock.now();
        return Prepared.of(outgoing(toEvent(request, now, now)));
    }

    /**
     * The normalised event of an article read from a page crawled at {@code crawledAt}:
     * without a date of its own, it was published when it was crawled.
     */
    public Prepared prepare(ArticleRequest request, Instant crawledAt) {
        return prepare(request, crawledAt, null);
    }

    /**
     * The normalised event of an article read from the board post {@code post} (null when
     * unknown) of a page crawled at {@code crawledAt}; an article sent on its own
     * ({@code crawledAt} null) without a date was published when it was accepted.
     */
    public Prepared prepare(ArticleRequest request, Instant crawledAt, BoardPost post) {
        Instant now = this.clock.now();
        return Prepared.of(outgoing(toEvent(request, now, crawledAt != null ? crawledAt : now, post)));
    }

    public static OutgoingEvent outgoing(ArticleEvent event) {
        return new OutgoingEvent(Topics.ARTICLES, event.articleId(), event);
    }

    /**
     * The normalised event for a request accepted at {@code acceptedAt}, published then
     * unless it says otherwise.
     * @throws InvalidFieldException when a field cannot be normalised
     */
    public ArticlePublished toEvent(ArticleRequest request, Instant acceptedAt) {
        return toEvent(request, acceptedAt, acceptedAt);
    }

    /**
     * The normalised event for a request accepted at {@code acceptedAt}. The article's id
     * comes from what the client sent, never from a time ingest chose, so a retry of the
     * same article gets the same id: its canonical URL; without one, its outlet, title
     * and publish time; without a publish time either, its outlet, title and text.
     * @param publishedByDefault the publish time of an article that gives none
     * @throws InvalidFieldException when a field cannot be normalised
     */
    ArticlePublished toEvent(ArticleRequest request, Instant acceptedAt, Instant publishedByDefault) {
        return toEvent(request, acceptedAt, publishedByDefault, null);
    }

    /**
     * As {@link #toEvent(ArticleRequest, Instant, Instant)}, for an article read from the
     * board post {@code post}; the post is part of its content (a page read again with
     * its post known is a revision), and an article without one hashes as before.
     */
    ArticlePublished toEvent(ArticleRequest request, Instant acceptedAt, Instant publishedByDefault, BoardPost post) {
        String url = request.url() == null || request.url().isBlank() ? null : Urls.canonical("url", request.url());
        String title = Text.line(request.title());
        if (title == null) {
            throw new InvalidFieldException("title",
                    "must not be blank (it holds only white space or invisible characters)");
        }
        List<String> subtitles = Text.lines(request.subtitles());
        List<String> paragraphs = request.paragraphs() != null && !request.paragraphs().isEmpty()
                ? Text.lines(request.paragraphs()) : Text.paragraphs(request.body());
        if (paragraphs.isEmpty()) {
            throw new InvalidFieldException("paragraphs", "paragraphs or body must hold the article text");
        }
        List<Caption> captions = captions(request.captions());
        String outlet = Text.line(request.outlet());
        String author = Text.line(request.author());
        boolean dated = request.publishedAt() != null && !request.publishedAt().isBlank();
        Instant publishedAt = dated ? Dates.parse("publishedAt", request.publishedAt(), acceptedAt)
                : publishedByDefault;
        String section = Text.line(request.section());
        List<String> tags = Text.lines(request.tags()).stream().distinct().toList();
        String language = request.language() == null ? DEFAULT_LANGUAGE : request.language();
        String contentHash = post == null
                ? Hashing.sha256(url, title, subtitles, paragraphs, captions, outlet, author, publishedAt, section,
                        tags, language)
                : Hashing.sha256(url, title, subtitles, paragraphs, captions, outlet, author, publishedAt, section,
                        tags, language, post.board() + ":" + post.number());
        String id = "a-" + (url != null ? Hashing.sha256(url)
                : dated ? Hashing.sha256(outlet, title, publishedAt) : Hashing.sha256(outlet, title, paragraphs))
            .substring(0, 24);
        Instant source = Dates.sourceTime("modifiedAt", request.modifiedAt(), acceptedAt);
        if (source == null) {
            source = Dates.sourceTime("crawledAt", request.crawledAt(), acceptedAt);
        }
        return new ArticlePublished(UUID.randomUUID().toString(), acceptedAt, ArticleEvent.SCHEMA_VERSION, id,
                this.clock.of(source, contentHash, acceptedAt), contentHash, url, title, subtitles, paragraphs,
                captions, outlet, author, publishedAt, section, tags, language, post);
    }

    private static List<Caption> captions(List<ArticleRequest.CaptionRequest> captions) {
        if (captions == null) {
            return List.of();
        }
        return captions.stream()
            .map(caption -> new Caption(Text.line(caption.text()), Text.line(caption.credit())))
            .filter(caption -> caption.text() != null)
            .toList();
    }

}
