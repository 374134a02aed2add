package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.List;

import io.newsflow.ingest.normalize.Text;
import io.newsflow.ingest.page.HtmlBlocks.Block;
import io.newsflow.ingest.page.ScrapedPage.Caption;
import io.newsflow.ingest.page.ScrapedPage.ScrapedArticle;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The post a page shows, read from the layout's view area: the title from the post's own
 * heading (its category head apart), the writer and time from its info line, then from
 * the content: sub-headlines (headings or quoted lines before the first paragraph),
 * paragraphs, photo captions ({@code figcaption}, or a paragraph ending in a credit such
 * as {@code /연합} or {@code (사진=연합뉴스)}) and the lines that close the article (outlet,
 * byline, source, copyright). The byline of the article, when it has one, is its author;
 * else the post's writer. Navigation, forms, comment lists, ads, scripts and footers are
 * not part of the content. Machine-readable metadata ({@link PageMetadata}) fills in what
 * the markup lacks and gives the publish time and a news article's author and publisher
 * when it has them.
 */
final class ArticleView {

    /** Inside a post's content, never part of it. */
    private static final String NOT_CONTENT = "script, style, noscript, template, iframe, form, button, nav, aside, "
            + "footer, select, ins, .adsbygoogle, [class~=(?i)(^|[\\s_-])(ad|ads|advert|banner)([\\s_-]|$)], "
            + "[id~=(?i)^(ad|ads|banner)[_-]], [class~=(?i)(^|[\\s_-])(comment|cmt|reply|share|sns)s?([\\s_-]|$)], "
            + ".bo_v_act, .btn_recommend_box";

    /**
     * An app's signature a gallery adds at the end of a post ({@code - xx official App}).
     */
    private static final int LONGEST_SIGNATURE = 40;

    private ArticleView() {
    }

    /** The article of the view area, or {@code null} when the page shows none. */
    static ScrapedArticle read(Document document, BoardLayout layout, PageMetadata metadata) {
        Element view = document.selectFirst(layout.view);
        Element content = view == null ? null : view.selectFirst(layout.content);
        if (content == null) {
            return null;
        }
        Element heading = view.selectFirst(layout.title);
        Element categoryHead = heading == null ? view.selectFirst(layout.category)
                : heading.selectFirst(layout.category);
        String title = heading == null ? null : title(heading, layout);
        ScrapedArticle body = body(content, layout);
        if (body == null) {
            return null;
        }
        String author = metadata.author() != null && metadata.publisher() != null ? metadata.author()
                : firstNonNull(body.author(), person(view.selectFirst(layout.author)), metadata.author());
        String publishedAt = firstNonNull(metadata.datePublished(), time(view.selectFirst(layout.time)),
                body.publishedAt());
        String section = firstNonNull(category(categoryHead), metadata.section());
        return new ScrapedArticle(firstNonNull(title, metadata.headline()), body.subtitles(), body.paragraphs(),
                body.captions(), firstNonNull(body.outlet(), metadata.publisher()), author, section, publishedAt);
    }

    /**
     * The heading's own text: without its category head, icons and screen-reader words.
     */
    private static String title(Element heading, BoardLayout layout) {
        Element own = heading.clone();
        own.select(layout.category).remove();
        own.select(ListingTable.CATEGORY_HEADS).remove();
        own.select(".title_device, .title_sub, img").remove();
        return ListingTable.visibleText(own);
    }

    private static String category(Element head) {
        if (head == null) {
            return null;
        }
        String shown = ListingTable.visibleText(head);
        if (shown != null && shown.startsWith("[") && shown.endsWith("]")) {
            shown = Text.line(shown.substring(1, shown.length() - 1));
        }
        return shown;
    }

    /** The writer: a {@code data-nick}, else the element's visible text. */
    private static String person(Element element) {
        if (element == null) {
            return null;
        }
        if (element.hasAttr("data-nick") && Text.line(element.attr("data-nick")) != null) {
            return Text.line(element.attr("data-nick"));
        }
        Element nick = element.selectFirst("[data-nick], .nickname");
        if (nick != null) {
            return nick.hasAttr("data-nick") ? Text.line(nick.attr("data-nick")) : ListingTable.visibleText(nick);
        }
        return ListingTable.visibleText(element);
    }

    private static String time(Element element) {
        return element == null ? null : ListingTable.date(element);
    }

    /**
     * The content's blocks through the article text rules; captions of figures are
     * captions whatever they say.
     */
    private static ScrapedArticle body(Element content, BoardLayout layout) {
        Element clean = content.clone();
        clean.select(NOT_CONTENT).remove();
        List<Block> blocks = new ArrayList<>(HtmlBlocks.of(clean));
        if (layout == BoardLayout.GALLERY && !blocks.isEmpty() && isAppSignature(blocks.get(blocks.size() - 1))) {
            blocks.remove(blocks.size() - 1);
        }
        List<String> headings = new ArrayList<>();
        while (!blocks.isEmpty() && blocks.get(0).kind() == HtmlBlocks.Kind.HEADING) {
            headings.add(blocks.remove(0).text());
        }
        List<Caption> figures = new ArrayList<>();
        List<List<String>> text = new ArrayList<>();
        for (Block block : blocks) {
            if (block.kind() == HtmlBlocks.Kind.CAPTION) {
                Caption credited = PageParser.caption(block.text());
                figures.add(credited != null ? credited : new Caption(block.text(), null));
            }
            else {
                text.add(block.lines());
            }
        }
        ScrapedArticle article = PageParser.body(text);
        if (article == null) {
            return null;
        }
        List<String> subtitles = new ArrayList<>(headings);
        subtitles.addAll(article.subtitles());
        List<Caption> captions = new ArrayList<>(figures);
        captions.addAll(article.captions());
        return new ScrapedArticle(null, subtitles, article.paragraphs(), captions, article.outlet(), article.author(),
                null, article.publishedAt());
    }

    private static boolean isAppSignature(Block block) {
        String text = block.text();
        return text.startsWith("- ") && text.length() <= LONGEST_SIGNATURE
                && (text.contains("App") || text.contains("앱") || text.contains("app"));
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

}
