package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.newsflow.ingest.normalize.Text;
import io.newsflow.ingest.page.HtmlTextBlocks.Block;
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

    /** Where a list of selectors separates them (not inside a {@code :has(…)}). */
    private static final Pattern SELECTORS = Pattern.compile(",\\s*(?![^()]*\\))");

    /** Inside a post's content, never part of it. */
    private static final String NOT_CONTENT = "script, style, noscript, template, iframe, form, button, nav, aside, "
            + "footer, select, ins, .adsbygoogle, [class~=(?i)(^|[\\s_-])(ad|ads|advert|banner)([\\s_-]|$)], "
            + "[id~=(?i)^(ad|ads|banner)[_-]], [class~=(?i)(^|[\\s_-])(comment|cmt|reply|share|sns)s?([\\s_-]|$)], "
            + ".bo_v_act, .btn_recommend_box, "
            + "[class~=(?i)(^|[\\s_-])(reporter|journalist|editors|copyright|related|relation|ranking|popular)"
            + "([\\s_-]|$)]";

    /**
     * Beside a writer's name in an info line, never part of it: counts (조회 수, 추천 수), the
     * time, an IP address.
     */
    private static final String NOT_NAME = ".sum, .read, .vote, .count, .hit, .date, .time, .ip";

    /**
     * An app's signature a gallery adds at the end of a post ({@code - xx official App}).
     */
    private static final int LONGEST_SIGNATURE = 40;

    private ArticleView() {
    }

    /** The article of the view area, or {@code null} when the page shows none. */
    static ScrapedArticle read(Document document, BoardLayout layout, PageMetadata metadata) {
        Element view = first(document, layout.view);
        Element content = view == null ? null : first(view, layout.content);
        if (content == null) {
            return null;
        }
        Element heading = first(view, layout.title);
        Element categoryHead = first(heading == null ? view : heading, layout.category);
        String title = heading == null ? null
                : PageMetadata.withoutSiteName(title(heading, layout), metadata.siteName(), metadata.publisher());
        ScrapedArticle body = body(content, layout);
        if (body == null) {
            return null;
        }
        List<String> subtitles = new ArrayList<>(subtitles(view, content, layout));
        subtitles.addAll(body.subtitles());
        String author = metadata.author() != null && metadata.publisher() != null ? metadata.author()
                : firstNonNull(body.author(), person(first(view, layout.author)), metadata.author());
        String publishedAt = firstNonNull(metadata.datePublished(), time(first(view, layout.time)), body.publishedAt());
        String section = firstNonNull(category(categoryHead), metadata.section());
        return new ScrapedArticle(firstNonNull(title, metadata.headline()), subtitles, body.paragraphs(),
                body.captions(), firstNonNull(body.outlet(), metadata.publisher()), author, section, publishedAt);
    }

    /**
     * What the first of a layout's selectors (a comma-separated list, the most specific
     * first) finds, whatever comes earlier in the page: a site's banner headline is no
     * article's title because it stands above it. None for a layout without one.
     */
    private static Element first(Element root, String selectors) {
        if (selectors == null) {
            return null;
        }
        for (String selector : SELECTORS.split(selectors)) {
            Element found = root.selectFirst(selector);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * Sub-headlines that stand outside the content (a news page's header), one per line:
     * a {@code br} element splits them.
     */
    private static List<String> subtitles(Element view, Element content, BoardLayout layout) {
        if (layout.subtitles == null) {
            return List.of();
        }
        Set<String> subtitles = new LinkedHashSet<>();
        for (Element element : view.select(layout.subtitles)) {
            if (element.parents().contains(content)) {
                continue;
            }
            for (Block block : HtmlTextBlocks.of(element)) {
                subtitles.addAll(block.lines());
            }
        }
        return List.copyOf(subtitles);
    }

    /**
     * The heading's own text: without its category head, icons and screen-reader words.
     */
    private static String title(Element heading, BoardLayout layout) {
        if (heading.normalName().equals("title")) {
            // the page's title names the post last: 그룹 > 게시판 > 제목
            String shown = Text.line(heading.text());
            int last = shown == null ? -1 : shown.lastIndexOf(" > ");
            return last < 0 ? shown : Text.line(shown.substring(last + 3));
        }
        Element own = heading.clone();
        if (layout.category != null) {
            own.select(layout.category).remove();
        }
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

    /**
     * The writer: a {@code data-nick}, else the element's visible text; of an info line
     * of several lines (a news page's: reporter, times, counts), the byline's name.
     */
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
        Element name = element.clone();
        name.select(NOT_NAME).remove();
        List<String> lines = lines(name);
        for (String line : lines) {
            String byline = ArticleEnd.byline(line);
            if (byline != null) {
                return byline;
            }
        }
        return lines.size() == 1 ? lines.get(0) : null;
    }

    /**
     * The time: a {@code datetime} or full {@code title} attribute, else what is shown;
     * of an info line of several lines, the one that is a date
     * ({@code 입력 2024.09.03 09:12}).
     */
    private static String time(Element element) {
        if (element == null) {
            return null;
        }
        List<String> lines = lines(element);
        if (lines.size() > 1 && element.selectFirst("[datetime]") == null) {
            for (String line : lines) {
                String date = ArticleText.dateLine(line);
                if (date != null) {
                    return date;
                }
            }
            return null;
        }
        String shown = ListingTable.date(element);
        String dated = shown == null ? null : ArticleText.dateLine(shown);
        return dated != null ? dated : shown;
    }

    private static List<String> lines(Element element) {
        List<String> lines = new ArrayList<>();
        for (Block block : HtmlTextBlocks.of(element)) {
            lines.addAll(block.lines());
        }
        return lines;
    }

    /**
     * An article's text from an element holding nothing else (a feed entry's content):
     * sub-headlines, paragraphs, captions and closing lines; {@code null} when no
     * paragraph is found.
     */
    static ScrapedArticle content(Element content) {
        return body(content, null);
    }

    /**
     * The content's blocks through the article text rules; captions of figures are
     * captions whatever they say.
     */
    private static ScrapedArticle body(Element content, BoardLayout layout) {
        Element clean = content.clone();
        clean.select(NOT_CONTENT).remove();
        List<Block> blocks = new ArrayList<>(HtmlTextBlocks.of(clean));
        if (layout == BoardLayout.GALLERY && !blocks.isEmpty() && isAppSignature(blocks.get(blocks.size() - 1))) {
            blocks.remove(blocks.size() - 1);
        }
        List<String> headings = new ArrayList<>();
        while (!blocks.isEmpty() && blocks.get(0).kind() == HtmlTextBlocks.Kind.HEADING) {
            headings.addAll(blocks.remove(0).lines());
        }
        List<Caption> figures = new ArrayList<>();
        List<List<String>> text = new ArrayList<>();
        for (Block block : blocks) {
            if (block.kind() == HtmlTextBlocks.Kind.CAPTION) {
                Caption credited = ArticleText.caption(block.text());
                figures.add(credited != null ? credited : new Caption(block.text(), null));
            }
            else {
                text.add(block.lines());
            }
        }
        ScrapedArticle article = ArticleText.body(text);
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
