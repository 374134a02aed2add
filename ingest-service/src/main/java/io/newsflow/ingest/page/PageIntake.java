package io.newsflow.ingest.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.newsflow.contracts.PostKey;
import io.newsflow.ingest.article.ArticleRequest;
import io.newsflow.ingest.batch.BatchIntake;
import io.newsflow.ingest.batch.BatchItem;
import io.newsflow.ingest.batch.BatchResult;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.newsflow.ingest.normalize.Dates;
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
        boolean html = MediaType.TEXT_HTML.isCompatibleWith(type);
        String text = PageCharsets.decode(body, type, html);
        ScrapedPage page = html ? HtmlPages.read(text) : PageParser.parse(text);
        if (page.isEmpty()) {
            this.metrics.page("unrecognised", page.layout());
            throw new UnrecognisedPageException();
        }
        this.metrics.page("parsed", page.layout());
        List<BatchItem> items = new ArrayList<>();
        if (page.article() != null) {
            items.add(BatchItem.article(article(page.article(), request), request.crawledAt()));
        }
        page.rows().forEach(row -> items.add(BatchItem.post(post(row, request))));
        return result(request, page, items, this.batches.accept(items));
    }

    private static ArticleRequest article(ScrapedArticle article, PageRequest request) {
        String title = article.title() != null ? article.title()
                : request.title() != null ? request.title() : firstOrNull(article.subtitles());
        List<ArticleRequest.CaptionRequest> captions = article.captions()
            .stream()
            .map(caption -> new ArticleRequest.CaptionRequest(caption.text(), caption.credit()))
            .toList();
        return new ArticleRequest(request.url(), title, article.subtitles(), article.paragraphs(), null, captions,
                article.outlet(), article.author(), article.publishedAt(), article.section(), null, null, null,
                request.crawledAt().toString());
    }

    private static PostRequest post(ListingRow row, PageRequest request) {
        String date;
        try {
            date = Dates.parse("postedAt", row.date(), request.crawledAt()).toString();
        }
        catch (InvalidFieldException ex) {
            date = row.date();
        }
        return new PostRequest(request.board(), row.number(), row.title(), row.author(), date, null, null,
                row.commentCount(), row.category(), request.crawledAt().toString());
    }

    private static PageResult result(PageRequest request, ScrapedPage page, List<BatchItem> items, BatchResult result) {
        String articleId = null;
        List<String> postKeys = new ArrayList<>();
        for (BatchResult.Item item : result.items()) {
            if (!BatchResult.ACCEPTED.equals(item.status())) {
                continue;
            }
            if (items.get(item.index()) instanceof BatchItem.ArticleItem) {
                articleId = item.id();
            }
            else {
                postKeys.add(item.id());
            }
        }
        return new PageResult(request.board(), request.url(), page.layout(), articleId, postKeys, page.notices(),
                page.skippedLines(), result.items());
    }

    private static String firstOrNull(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The page's parameters.
     *
     * @param crawledAt when the crawler fetched the page; time-only dates are days of it
     * in Seoul
     */
    record PageRequest(String board, String url, Instant crawledAt, String title) {

        PageRequest {
            if (board == null || !PostKey.BOARD_SLUG.matcher(board).matches()) {
                throw new InvalidFieldException("board", "must be a slug of lower-case letters, digits and dashes");
            }
        }
    }

}
