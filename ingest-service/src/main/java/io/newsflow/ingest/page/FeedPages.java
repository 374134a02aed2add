package io.newsflow.ingest.page;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.newsflow.ingest.normalize.Text;
import io.newsflow.ingest.page.ScrapedPage.ListingRow;
import io.newsflow.ingest.page.ScrapedPage.ScrapedArticle;
import io.newsflow.service.web.InvalidFieldException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * An RSS (0.9x, 1.0, 2.0) or Atom feed, read with Rome: a news outlet's entries become
 * articles, a board's entries (a feed its engine made: links carrying the engine's post
 * ids, or a generator naming it) become posts with their text. XML that declares a
 * {@code DOCTYPE} is refused before anything is expanded (no entity expansion, no
 * external entities: Rome's own settings, kept), and so is XML that is not well formed.
 *
 * <p>
 * A board's posts are numbered by the post id in each entry's link: a feed shows no list
 * numbers (see docs/pages.md on why a board is best fed one way).
 */
final class FeedPages {

    /** The media types a feed is sent as. */
    static final List<String> MEDIA_TYPES = List.of("application/rss+xml", "application/atom+xml", "application/xml",
            "text/xml");

    /** A link of a board engine's post: GNUBoard, XpressEngine/Rhymix, Zeroboard. */
    private static final Pattern BOARD_LINK = Pattern
        .compile("[?&](?:wr_id|document_srl)=\\d|[?&]bo_table=|zboard\\.php\\?|/bbs/board\\.php");

    private static final Pattern BOARD_GENERATOR = Pattern.compile("(?i)rhymix|xpressengine|gnuboard|zeroboard");

    private static final int MOST_AUTHORS = 10;

    private FeedPages() {
    }

    /**
     * What a feed holds.
     *
     * @param type {@code rss} or {@code atom}
     * @param skipped entries that are neither an article nor a post (no link, no text, a
     * board entry without a post id)
     */
    record Feed(String type, List<FeedArticle> articles, List<FeedPost> posts, int skipped) {

        boolean isEmpty() {
            return this.articles.isEmpty() && this.posts.isEmpty();
        }

    }

    /** An entry read as an article, with its address. */
    record FeedArticle(String url, ScrapedArticle article) {
    }

    /** An entry of a board's feed, with its address and its text (perhaps none). */
    record FeedPost(String url, ListingRow row, String body) {
    }

    static boolean isFeed(String mediaType) {
        return MEDIA_TYPES.contains(mediaType.toLowerCase(Locale.ROOT));
    }

    static Feed read(String xml) {
        if (xml.length() > HtmlPageReader.LONGEST_PAGE) {
            throw new PageLimitExceededException("The feed has " + xml.length() + " characters; at most "
                    + HtmlPageReader.LONGEST_PAGE + " are read");
        }
        SyndFeed feed = parse(xml.startsWith("\uFEFF") ? xml.substring(1) : xml);
        boolean board = isBoard(feed);
        List<FeedArticle> articles = new ArrayList<>();
        List<FeedPost> posts = new ArrayList<>();
        int skipped = 0;
        if (feed.getEntries().size() > PageParser.MAX_ITEMS) {
            throw new PageLimitExceededException("The feed holds " + feed.getEntries().size() + " entries; at most "
                    + PageParser.MAX_ITEMS + " are read from one feed");
        }
        for (SyndEntry entry : feed.getEntries()) {
            String url = link(entry);
            String title = plain(entry.getTitle());
            ScrapedArticle text = text(entry);
            String author = authors(entry);
            String published = time(
                    entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
            if (url == null || title == null) {
                skipped++;
            }
            else if (board) {
                Long number = ListingTable.postId(url);
                if (number == null) {
                    skipped++;
                    continue;
                }
                String body = text == null ? null : String.join("\n\n", text.paragraphs());
                posts.add(new FeedPost(url, new ListingRow(number, title, null, author, published, null), body));
            }
            else if (text == null) {
                skipped++;
            }
            else {
                String outlet = text.outlet() != null ? text.outlet()
                        : feed.getCopyright() == null ? null : ArticleEnd.outlet(Text.line(feed.getCopyright()));
                articles.add(new FeedArticle(url, new ScrapedArticle(title, text.subtitles(), text.paragraphs(),
                        text.captions(), outlet, author != null ? author : text.author(), category(entry), published)));
            }
        }
        String type = feed.getFeedType() != null && feed.getFeedType().startsWith("atom") ? "atom" : "rss";
        return new Feed(type, articles, posts, skipped);
    }

    private static SyndFeed parse(String xml) {
        SyndFeedInput input = new SyndFeedInput();
        // both are Rome's defaults; said here because the refusal of XML bombs rests on
        // them
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(false);
        try {
            return input.build(new StringReader(xml));
        }
        catch (ParsingFeedException ex) {
            String reason = ex.getCause() != null && ex.getCause().getMessage() != null ? ex.getCause().getMessage()
                    : String.valueOf(ex.getMessage());
            if (reason.contains("DOCTYPE")) {
                throw new InvalidFieldException("body",
                        "declares a DOCTYPE, which no feed needs: entities are never expanded or fetched");
            }
            throw new InvalidFieldException("body",
                    "is not well-formed XML (line " + ex.getLineNumber() + ", column " + ex.getColumnNumber() + ")");
        }
        catch (FeedException | IllegalArgumentException ex) {
            throw new UnrecognisedPageException(
                    "The document is XML but neither an RSS nor an Atom feed (its root is no rss, rdf:RDF or feed)");
        }
    }

    /**
     * A board's feed: its generator names a board engine, or every entry links to a board
     * engine's post.
     */
    private static boolean isBoard(SyndFeed feed) {
        if (feed.getGenerator() != null && BOARD_GENERATOR.matcher(feed.getGenerator()).find()) {
            return true;
        }
        boolean linked = !feed.getEntries().isEmpty();
        for (SyndEntry entry : feed.getEntries()) {
            String link = link(entry);
            linked = linked && link != null && BOARD_LINK.matcher(link).find();
        }
        return linked;
    }

    /** The entry's address: its link, an alternate link, or an id that is an address. */
    private static String link(SyndEntry entry) {
        if (isAddress(entry.getLink())) {
            return entry.getLink().strip();
        }
        for (SyndLink link : entry.getLinks()) {
            if (isAddress(link.getHref()) && (link.getRel() == null || "alternate".equals(link.getRel()))) {
                return link.getHref().strip();
            }
        }
        return isAddress(entry.getUri()) ? entry.getUri().strip() : null;
    }

    private static boolean isAddress(String value) {
        return value != null && (value.strip().startsWith("https://") || value.strip().startsWith("http://"));
    }

    /**
     * The entry's text: its full content ({@code content:encoded}, Atom {@code content}),
     * else its description; HTML read like a post's content, plain text split at blank
     * lines.
     */
    private static ScrapedArticle text(SyndEntry entry) {
        SyndContent content = null;
        for (SyndContent each : entry.getContents()) {
            if (each.getValue() != null && !each.getValue().isBlank()) {
                content = each;
                break;
            }
        }
        if (content == null && entry.getDescription() != null && entry.getDescription().getValue() != null) {
            content = entry.getDescription();
        }
        if (content == null || content.getValue().isBlank()) {
            return null;
        }
        String type = content.getType() == null ? "html" : content.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            List<List<String>> blocks = new ArrayList<>();
            for (String paragraph : content.getValue().split("\\n\\s*\\n")) {
                String line = Text.line(paragraph);
                if (line != null) {
                    blocks.add(List.of(line));
                }
            }
            return ArticleText.body(blocks);
        }
        Element body = Jsoup.parseBodyFragment(content.getValue()).body();
        return ArticleView.content(body);
    }

    /** Text that may carry markup or entities (an Atom {@code type="html"} title). */
    private static String plain(String value) {
        if (value == null) {
            return null;
        }
        return Text
            .line(value.indexOf('<') >= 0 || value.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(value).text() : value);
    }

    /**
     * The writers' names, without a reporter's title ({@code 한서윤 기자}), joined by
     * {@code ", "}.
     */
    private static String authors(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson person : entry.getAuthors()) {
            add(names, person.getName());
        }
        if (names.isEmpty()) {
            add(names, entry.getAuthor());
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static void add(Set<String> names, String name) {
        String line = plain(name);
        if (line != null && names.size() < MOST_AUTHORS) {
            String byline = ArticleEnd.byline(line);
            names.add(byline != null ? byline : line);
        }
    }

    private static String category(SyndEntry entry) {
        return entry.getCategories().isEmpty() ? null : plain(entry.getCategories().get(0).getName());
    }

    private static String time(Date date) {
        return date == null ? null : date.toInstant().toString();
    }

}
