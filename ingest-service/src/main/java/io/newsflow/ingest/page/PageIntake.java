package io.newsflow.ingest.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newsflow.contracts.ArticlePublished.BoardPost;
import io.newsflow.contracts.PostKey;
import io.newsflow.ingest.article.ArticleRequest;
import io.newsflow.ingest.batch.BatchIntake;
import io.newsflow.ingest.batch.BatchItem;
import io.newsflow.ingest.batch.BatchResult;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.newsflow.ingest.normalize.Dates;
import io.newsflow.ingest.page.FeedPages.Feed;
import io.newsflow.ingest.page.FeedPages.FeedArticle;
import io.newsflow.ingest.page.FeedPages.FeedPost;
import io.newsflow.ingest.page.ScrapedPage.ListingRow;
import io.newsflow.ingest.page.ScrapedPage.ScrapedArticle;
import io.newsflow.ingest.post.PostRequest;
import io.newsflow.service.web.InvalidFieldException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/**
 * Turns a scraped board page into one article event (when the page carries an article)
 * and one post event per listing row. The extracted items go through the same validation
 * and normalisation as the JSON API and are published as one batch.
 */
@Service
class PageIntake {

    private final BatchIntake batches;

    private final IngestMetrics metrics;

    PageIntake(BatchIntake batches, IngestMetrics metrics) {
        this.batches = batches;
        this.metrics = metrics;
    }

    PageResult accept(PageRequest request, byte[] body, MediaType type) {
        if (FeedPages.isFeed(type.getType() + "/" + type.getSubtype())) {
            return acceptFeed(request, body, type);
        }
        boolean html = MediaType.TEXT_HTML.isCompatibleWith(type);
        String text = PageCharsets.decode(body, type, html);
        ScrapedPage page = html ? HtmlPageReader.read(text) : PageParser.parse(text);
        if (page.isEmpty()) {
            this.metrics.page("unrecognised", page.layout());
            throw new UnrecognisedPageException(page);
        }
        this.metrics.page("parsed", page.layout());
        List<BatchItem> items = new ArrayList<>();
        Long viewed = page.article() == null ? null
                : request.number() != null ? request.number() : page.current() != null ? page.current().number() : null;
        ArticleRequest article = null;
        if (page.article() != null) {
            article = article(page.article(), request.url(), request);
            items.add(BatchItem.article(article, request.crawledAt(),
                    viewed == null ? null : new BoardPost(request.board(), viewed)));
        }
        boolean viewedListed = false;
        for (ListingRow row : page.rows()) {
            if (viewed != null && row.number() == viewed) {
                items.add(BatchItem.repost(post(row, request.url(), body(page.article()), request), 0));
                viewedListed = true;
            }
            else {
                items.add(BatchItem.post(post(row, null, null, request)));
            }
        }
        if (viewed != null && !viewedListed) {
            items.add(BatchItem.repost(viewedPost(viewed, article, page.article(), request), 0));
        }
        return result(request, page.layout(), page.notices(), page.skippedLines(), items, this.batches.accept(items));
    }

    /**
     * The text of the post the page shows, which is its article: sub-headlines and
     * paragraphs, each a paragraph.
     */
    private static String body(ScrapedArticle article) {
        List<String> paragraphs = new ArrayList<>(article.subtitles());
        paragraphs.addAll(article.paragraphs());
        return String.join("\n\n", paragraphs);
    }

    /**
     * The post the page shows when the listing does not hold its row: its title is the
     * article's, its date the article's when it is one; its writer, whom only a listing
     * names, is unknown.
     */
    private static PostRequest viewedPost(long number, ArticleRequest article, ScrapedArticle scraped,
            PageRequest request) {
        String date = null;
        if (scraped.publishedAt() != null) {
            try {
                date = Dates.parse("postedAt", scraped.publishedAt(), request.crawledAt()).toString();
            }
            catch (InvalidFieldException ex) {
                // a date line the post's date cannot be read from: the post has none
            }
        }
        return new PostRequest(request.board(), number, article.title(), null, date, request.url(), body(scraped), null,
                null, request.crawledAt().toString());
    }

    /**
     * An RSS or Atom feed: an article per entry of a news outlet's feed, a post (with its
     * text) per entry of a board's.
     */
    private PageResult acceptFeed(PageRequest request, byte[] body, MediaType type) {
        Feed feed = FeedPages.read(PageCharsets.decodeXml(body, type));
        if (feed.isEmpty()) {
            this.metrics.page("unrecognised", feed.type());
            throw new UnrecognisedPageException("The feed holds no entry that is an article (a title, a link and text) "
                    + "or a board's post (a link carrying its number); " + feed.skipped() + " entries were not");
        }
        this.metrics.page("parsed", feed.type());
        List<BatchItem> items = new ArrayList<>();
        for (FeedArticle entry : feed.articles()) {
            items.add(BatchItem.article(article(entry.article(), entry.url(), request), request.crawledAt()));
        }
        for (FeedPost entry : feed.posts()) {
            items.add(BatchItem.post(post(entry.row(), entry.url(), entry.body(), request)));
        }
        return result(request, feed.type(), 0, feed.skipped(), items, this.batches.accept(items));
    }

    private static ArticleRequest article(ScrapedArticle article, String url, PageRequest request) {
        String title = article.title() != null ? article.title()
                : request.title() != null ? request.title() : firstOrNull(article.subtitles());
        List<ArticleRequest.CaptionRequest> captions = article.captions()
            .stream()
            .map(caption -> new ArticleRequest.CaptionRequest(caption.text(), caption.credit()))
            .toList();
        return new ArticleRequest(url, title, article.subtitles(), article.paragraphs(), null, captions,
                article.outlet(), article.author(), article.publishedAt(), article.section(), null, null, null,
                request.crawledAt().toString());
    }

    private static PostRequest post(ListingRow row, String url, String body, PageRequest request) {
        String date;
        try {
            date = Dates.parse("postedAt", row.date(), request.crawledAt()).toString();
        }
        catch (InvalidFieldException ex) {
            date = row.date();
        }
        return new PostRequest(request.board(), row.number(), row.title(), row.author(), date, url, body,
                row.commentCount(), row.category(), request.crawledAt().toString());
    }

    private static PageResult result(PageRequest request, String layout, int notices, int skipped,
            List<BatchItem> items, BatchResult result) {
        List<String> articleIds = new ArrayList<>();
        List<String> postKeys = new ArrayList<>();
        for (BatchResult.Item item : result.items()) {
            if (!BatchResult.ACCEPTED.equals(item.status())) {
                continue;
            }
            if (items.get(item.index()) instanceof BatchItem.ArticleItem) {
                articleIds.add(item.id());
            }
            else {
                postKeys.add(item.id());
            }
        }
        String repost = null;
        for (BatchResult.Item item : result.items()) {
            if (BatchResult.ACCEPTED.equals(item.status()) && items.get(item.index()) instanceof BatchItem.PostItem post
                    && post.articleIndex() != null) {
                repost = item.id();
            }
        }
        return new PageResult(request.board(), request.url(), layout, firstOrNull(articleIds), articleIds, postKeys,
                repost, notices, skipped, result.items());
    }

    private static String firstOrNull(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The page's parameters.
     *
     * @param crawledAt when the crawler fetched the page; time-only dates are days of it
     * in Seoul
     * @param number the list number of the post the page shows, when the crawler knows it
     * (a text page tells it nowhere else); {@code null} to take it from the listing's
     * marked row
     */
    record PageRequest(String board, String url, Instant crawledAt, String title, Long number) {

        PageRequest {
            if (board == null || !PostKey.BOARD_SLUG.matcher(board).matches()) {
                throw new InvalidFieldException("board", "must be a slug of lower-case letters, digits and dashes");
            }
            if (number != null && (number < 1 || number > PostRequest.LARGEST_NUMBER)) {
                throw new InvalidFieldException("number",
                        "must be the post's number on its board, 1 to " + PostRequest.LARGEST_NUMBER);
            }
        }

        PageRequest(String board, String url, Instant crawledAt, String title) {
            this(board, url, crawledAt, title, null);
        }
    }

}
