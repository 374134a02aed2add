package io.newsflow.ingest.page;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.article.ArticleIntake;
import io.newsflow.ingest.article.ArticleRequest;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.newsflow.ingest.normalize.Dates;
import io.newsflow.ingest.normalize.RevisionClock;
import io.newsflow.ingest.normalize.Text;
import io.newsflow.ingest.normalize.Urls;
import io.newsflow.ingest.post.PostIntake;
import io.newsflow.ingest.post.PostRequest;
import io.newsflow.service.web.InvalidFieldException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Coverage-guided fuzzing (Jazzer) of everything ingest reads from a client: text and
 * HTML pages, RSS and Atom feeds, declared charsets, dates, URLs, article bodies and JSON
 * requests. One target chooses among them by its first input byte, so one fuzzing session
 * covers them all. The invariants:
 * <ul>
 * <li>only the declared rejections: {@link PageLimitExceededException} (413),
 * {@link InvalidFieldException} (400), a Jackson error (400), bean validation (400);
 * anything else would be a 5xx;</li>
 * <li>what is accepted is sane: rows numbered, at most a batch of items, dates a store
 * can hold, canonical URLs canonical again;</li>
 * <li>bounded time per character: no input makes a parser super-linear.</li>
 * </ul>
 * {@code ./mvnw verify} replays the saved findings and fuzzes for a short while; see
 * docs/reliability.md for the long run. Every finding is kept under
 * {@code src/test/resources/io/newsflow/ingest/page/EdgeFuzzTestsInputs/} and replayed on
 * every build.
 */
class EdgeFuzzTests {

    /**
     * Generous on purpose (instrumented code on a busy machine): a super-linear parser
     * blows far past it.
     */
    private static final long BUDGET_NANOS = 2_000_000_000L;

    private static final long BUDGET_NANOS_PER_CHARACTER = 200_000L;

    private static final Instant CRAWLED = Instant.parse("2024-07-24T09:00:00Z");

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private static final RevisionClock CLOCK = new RevisionClock(Clock.systemUTC());

    private static final IngestMetrics METRICS = new IngestMetrics(new SimpleMeterRegistry());

    private static final ArticleIntake ARTICLES = new ArticleIntake(null, CLOCK, METRICS);

    private static final PostIntake POSTS = new PostIntake(null, CLOCK, METRICS);

    private static final Set<String> TYPES = Set.of("text/plain", "text/html");

    @FuzzTest(maxDuration = "20s")
    void hostileInput(FuzzedDataProvider data) {
        fuzz(data);
    }

    /**
     * The long run:
     * {@code ./mvnw -pl ingest-service -am test -Dfuzz.test=EdgeFuzzTests#hostileInputForTwentyMinutes}.
     */
    @FuzzTest(maxDuration = "20m")
    void hostileInputForTwentyMinutes(FuzzedDataProvider data) {
        fuzz(data);
    }

    private static void fuzz(FuzzedDataProvider data) {
        int target = data.consumeInt(0, 8);
        long started = System.nanoTime();
        int size = switch (target) {
            case 0 -> textPage(data.consumeRemainingAsString());
            case 1 -> htmlPage(data.consumeRemainingAsString());
            case 2 -> date(data.consumeRemainingAsString());
            case 3 -> url(data.consumeRemainingAsString());
            case 4 -> paragraphs(data.consumeRemainingAsString());
            case 5 -> charset(data.consumeBoolean(), data.consumeString(40), data.consumeRemainingAsBytes());
            case 6 -> article(data.consumeRemainingAsBytes());
            case 7 -> post(data.consumeRemainingAsBytes());
            default -> feed(data.consumeBoolean(), data.consumeRemainingAsBytes());
        };
        long elapsed = System.nanoTime() - started;
        if (elapsed > BUDGET_NANOS + BUDGET_NANOS_PER_CHARACTER * size) {
            throw new AssertionError(
                    "target " + target + " took " + elapsed / 1_000_000 + " ms for " + size + " characters");
        }
    }

    private static int textPage(String text) {
        try {
            check(PageParser.parse(text));
        }
        catch (PageLimitExceededException expected) {
            // 413
        }
        return text.length();
    }

    private static int htmlPage(String html) {
        try {
            check(HtmlPageReader.read(html));
        }
        catch (PageLimitExceededException expected) {
            // 413
        }
        return html.length();
    }

    /**
     * An RSS or Atom document (its encoding declared or not): only the declared
     * rejections, and what is read is sane.
     */
    private static int feed(boolean declaredType, byte[] body) {
        try {
            String xml = PageCharsets.decodeXml(body,
                    declaredType ? MediaType.parseMediaType("application/rss+xml; charset=euc-kr")
                            : MediaType.parseMediaType("application/atom+xml"));
            FeedPages.Feed feed = FeedPages.read(xml);
            if (feed.articles().size() + feed.posts().size() > PageParser.MAX_ITEMS) {
                throw new AssertionError("more entries than a batch");
            }
            for (FeedPages.FeedArticle article : feed.articles()) {
                if (article.url() == null || article.article().paragraphs().isEmpty()) {
                    throw new AssertionError("an article without address or text: " + article);
                }
            }
            for (FeedPages.FeedPost post : feed.posts()) {
                if (post.row().number() <= 0 || post.row().title() == null) {
                    throw new AssertionError("a post without number or title: " + post);
                }
            }
        }
        catch (PageLimitExceededException | InvalidFieldException | UnrecognisedPageException expected) {
            // 413, 400, 422
        }
        return body.length;
    }

    private static void check(ScrapedPage page) {
        if (page.rows().size() + (page.article() == null ? 0 : 1) > PageParser.MAX_ITEMS) {
            throw new AssertionError("more items than a batch: " + page.rows().size());
        }
        for (ScrapedPage.ListingRow row : page.rows()) {
            if (row.number() <= 0 || row.title() == null || row.title().isBlank()) {
                throw new AssertionError("a row without number or title: " + row);
            }
        }
        if (page.article() != null && page.article().paragraphs().isEmpty()) {
            throw new AssertionError("an article without text");
        }
    }

    private static int date(String value) {
        try {
            Instant instant = Dates.parse("postedAt", value, CRAWLED);
            if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                    || instant.isAfter(Instant.parse("9999-12-31T23:59:59.999Z"))) {
                throw new AssertionError("a date no store holds: " + instant);
            }
        }
        catch (InvalidFieldException expected) {
            // 400
        }
        return value.length();
    }

    private static int url(String value) {
        try {
            String canonical = Urls.canonical("url", value);
            if (!canonical.equals(Urls.canonical("url", canonical))) {
                throw new AssertionError("not canonical: " + canonical);
            }
        }
        catch (InvalidFieldException expected) {
            // 400
        }
        return value.length();
    }

    private static int paragraphs(String body) {
        List<String> paragraphs = Text.paragraphs(body);
        if (paragraphs.stream().anyMatch(paragraph -> paragraph.isBlank() || !paragraph.equals(paragraph.strip()))) {
            throw new AssertionError("a blank or untrimmed paragraph");
        }
        return body.length();
    }

    private static int charset(boolean html, String contentType, byte[] body) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        }
        catch (RuntimeException ex) {
            // Spring answers an unparseable content type 415 before ingest reads it
            return contentType.length();
        }
        if (!TYPES.contains(type.getType() + "/" + type.getSubtype())) {
            return contentType.length();
        }
        try {
            PageCharsets.decode(body, type, html);
        }
        catch (InvalidFieldException expected) {
            // 400
        }
        return body.length;
    }

    private static int article(byte[] json) {
        try {
            ArticleRequest request = JSON.readValue(json, ArticleRequest.class);
            if (request == null || !VALIDATOR.validate(request).isEmpty()) {
                return json.length;
            }
            var event = ARTICLES.toEvent(request, CRAWLED);
            if (event.articleId() == null || event.title() == null || event.paragraphs().isEmpty()) {
                throw new AssertionError("an accepted article without id, title or text");
            }
        }
        catch (JacksonException | InvalidFieldException expected) {
            // 400
        }
        return json.length;
    }

    private static int post(byte[] json) {
        try {
            PostRequest request = JSON.readValue(json, PostRequest.class);
            if (request == null) {
                return json.length;
            }
            Set<ConstraintViolation<PostRequest>> violations = VALIDATOR.validate(request);
            if (violations.isEmpty()) {
                var events = POSTS.toEvents(request, CRAWLED);
                if (events.isEmpty()
                        || events.stream().anyMatch(event -> !event.postKey().equals(events.get(0).postKey()))) {
                    throw new AssertionError("an accepted post without events, or with events of other posts");
                }
            }
        }
        catch (JacksonException | InvalidFieldException expected) {
            // 400
        }
        return json.length;
    }

}
