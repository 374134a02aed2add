package io.newsflow.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.article.story.Fingerprint;
import io.newsflow.contracts.ArticleEvent;
import io.newsflow.contracts.ArticlePublished;
import io.newsflow.contracts.PostKey;
import io.newsflow.projection.Change;
import io.newsflow.projection.PoisonEventException;
import io.newsflow.projection.Projection;
import io.newsflow.projection.search.KoreanTokens;
import org.bson.Document;

import org.springframework.stereotype.Component;

/**
 * Article events as documents of the {@code articles} collection, keyed by article id.
 */
@Component
class ArticleProjection implements Projection<ArticleEvent> {

    private final Timer fingerprinting;

    ArticleProjection(MeterRegistry registry) {
        this.fingerprinting = Timer.builder("newsflow.stories.fingerprint")
            .description("time to fingerprint an article's body for story grouping")
            .register(registry);
    }

    static final List<String> CONTENT_FIELDS = List.of("url", "title", "subtitles", "paragraphs", "captions", "outlet",
            "author", "publishedAt", "section", "tags", "language", "post", "acceptedAt", "tokens", "headTokens",
            Fingerprint.FIELD, Fingerprint.BANDS_FIELD);

    @Override
    public Instant acceptedAt(ArticleEvent event) {
        return event.occurredAt();
    }

    /**
     * A published article replaces the stored one whole; a removal leaves a tombstone.
     */
    @Override
    public Change change(ArticleEvent event) {
        if (event instanceof ArticlePublished article) {
            return new Change.Replace(article.articleId(), article.revision(), article.contentHash(), fields(article));
        }
        return new Change.Remove(event.articleId(), event.revision());
    }

    private Document fields(ArticlePublished article) {
        // the head is analysed once: its tokens start the whole text's, in the same order
        // as analysing head and body together gives
        List<String> headTokens = KoreanTokens.of(head(article));
        Set<String> tokens = new LinkedHashSet<>(headTokens);
        tokens.addAll(KoreanTokens.of(body(article)));
        Document fields = new Document("url", article.url()).append("title", article.title())
            .append("subtitles", article.subtitles())
            .append("paragraphs", article.paragraphs())
            .append("captions",
                    article.captions()
                        .stream()
                        .map(caption -> new Document("text", caption.text()).append("credit", caption.credit()))
                        .toList())
            .append("outlet", article.outlet())
            .append("author", article.author())
            .append("publishedAt", Date.from(publishedAt(article)))
            .append("section", article.section())
            .append("tags", article.tags())
            .append("language", article.language())
            .append("post",
                    article.post() == null ? null
                            : new Document("board", article.post().board()).append("number", article.post().number()))
            .append("acceptedAt", Date.from(article.occurredAt()))
            .append("headTokens", headTokens)
            .append("tokens", List.copyOf(tokens));
        // the story's fingerprint: the body only, since reprints change titles and
        // captions
        long started = System.nanoTime();
        Fingerprint fingerprint = Fingerprint.of(article.paragraphs());
        this.fingerprinting.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        fields.putAll(fingerprint == null ? Fingerprint.none() : fingerprint.fields());
        return fields;
    }

    /** Title and sub-headlines: a hit there ranks before a hit in the body only. */
    private static List<String> head(ArticlePublished article) {
        List<String> texts = new ArrayList<>();
        texts.add(article.title());
        texts.addAll(article.subtitles());
        return texts;
    }

    /**
     * When the article was published: the contract lets an event leave it out (null), and
     * then it was published when ingest accepted it, as ingest itself defaults an undated
     * article.
     */
    static Instant publishedAt(ArticlePublished article) {
        return article.publishedAt() != null ? article.publishedAt() : article.occurredAt();
    }

    /** Paragraphs and photo captions. */
    private static List<String> body(ArticlePublished article) {
        List<String> texts = new ArrayList<>(article.paragraphs());
        article.captions().forEach(caption -> texts.add(caption.text()));
        return texts;
    }

    @Override
    public List<String> contentFields() {
        return CONTENT_FIELDS;
    }

    @Override
    public void validate(String key, ArticleEvent event) {
        if (event.articleId() == null || event.articleId().isBlank() || !event.articleId().equals(key)) {
            throw new PoisonEventException("articleId " + event.articleId() + " does not match record key " + key);
        }
        if (event.revision() <= 0) {
            throw new PoisonEventException("revision must be positive");
        }
        if (event instanceof ArticlePublished article && (article.title() == null || article.title().isBlank()
                || article.contentHash() == null || article.occurredAt() == null)) {
            throw new PoisonEventException("an ArticlePublished needs title, contentHash and occurredAt");
        }
        PoisonEventException.requireStorable("occurredAt", event.occurredAt());
        if (event instanceof ArticlePublished article) {
            PoisonEventException.requireStorable("publishedAt", publishedAt(article));
            if (article.post() != null && (article.post().board() == null
                    || !PostKey.BOARD_SLUG.matcher(article.post().board()).matches() || article.post().number() < 1)) {
                throw new PoisonEventException("post must name a board's slug and a positive number");
            }
        }
    }

}
