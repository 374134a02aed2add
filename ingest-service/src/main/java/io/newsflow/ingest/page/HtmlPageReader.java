package io.newsflow.ingest.page;

import io.newsflow.ingest.page.ListingTable.Listing;
import io.newsflow.ingest.page.ScrapedPage.ListingRow;
import io.newsflow.ingest.page.ScrapedPage.ScrapedArticle;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Reads a scraped HTML page by its structure when its board engine is recognised
 * ({@link BoardLayout}): the listing table by its header, the post from its view area,
 * both helped by the page's metadata. A page of another layout is flattened to text and
 * read by the text rules, its article completed by the page's metadata.
 *
 * <p>
 * Bounded like the text: at most {@link #LONGEST_PAGE} characters of HTML, nested at most
 * {@link #DEEPEST} elements (deeper markup is flattened by the parser), read in one pass
 * per part.
 */
final class HtmlPageReader {

    /**
     * Larger than any board page; a page's DOM costs several times its size in memory.
     */
    static final int LONGEST_PAGE = 3_000_000;

    static final int DEEPEST = 256;

    private HtmlPageReader() {
    }

    static ScrapedPage read(String html) {
        if (html.length() > LONGEST_PAGE) {
            throw new PageLimitExceededException(
                    "The page has " + html.length() + " characters of HTML; at most " + LONGEST_PAGE + " are read");
        }
        Document document = Parser.htmlParser().setMaxDepth(DEEPEST).parseInput(html, "");
        PageMetadata metadata = PageMetadata.of(document);
        BoardLayout layout = BoardLayout.of(document);
        ScrapedArticle article = layout == null ? null : ArticleView.read(document, layout, metadata);
        if (layout == null || article == null && layout == BoardLayout.NEWS) {
            // a news page whose article element held no article is read as any other page
            ScrapedPage page = PageParser.parse(UnknownLayoutText.text(document));
            return new ScrapedPage(completed(page.article(), metadata), page.rows(), page.notices(),
                    page.skippedLines(), ScrapedPage.TEXT);
        }
        Listing listing = ListingTable.read(document, layout, PageParser.MAX_ITEMS - (article == null ? 0 : 1));
        return new ScrapedPage(completed(article, listing.current()), listing.rows(), listing.notices(),
                listing.skipped(), layout.id(), listing.viewed());
    }

    /**
     * The view's article, with what the listing's row of the same post says where the
     * view had nothing (skins that mark neither the writer nor the time).
     */
    private static ScrapedArticle completed(ScrapedArticle article, ListingRow current) {
        if (article == null || current == null) {
            return article;
        }
        return new ScrapedArticle(article.title() != null ? article.title() : current.title(), article.subtitles(),
                article.paragraphs(), article.captions(), article.outlet(),
                article.author() != null ? article.author() : current.author(),
                article.section() != null ? article.section() : current.category(),
                article.publishedAt() != null ? article.publishedAt() : current.date());
    }

    /**
     * The text rules' article, with what the metadata says where the text had nothing.
     */
    private static ScrapedArticle completed(ScrapedArticle article, PageMetadata metadata) {
        if (article == null || metadata.equals(PageMetadata.NONE)) {
            return article;
        }
        return new ScrapedArticle(article.title() != null ? article.title() : metadata.headline(), article.subtitles(),
                article.paragraphs(), article.captions(),
                article.outlet() != null ? article.outlet() : metadata.publisher(),
                article.author() != null ? article.author() : metadata.author(),
                article.section() != null ? article.section() : metadata.section(),
                metadata.datePublished() != null ? metadata.datePublished() : article.publishedAt());
    }

}
