package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.newsflow.ingest.normalize.Text;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a page says about its article in machine-readable form: a schema.org
 * {@code NewsArticle} (or {@code Article}, {@code BlogPosting} …) in JSON-LD, else
 * OpenGraph's {@code og:title} and {@code article:*} properties. Each value may be
 * {@code null}.
 *
 * <p>
 * JSON-LD is read as JSON (escapes such as {@code \uD3D0} decoded), forgiving what news
 * sites' templates commonly get wrong (a trailing comma, a raw line break in a string).
 * Several authors are all named, in their order, without their titles ({@code 한서윤 기자} is
 * {@code 한서윤}). A headline loses the site's name that pages append to it
 * ({@code … - 한결일보}, {@code … | 한결일보}).
 *
 * @param author the writers' names, joined by {@code ", "} when there are several
 * @param publisher the outlet that published it (from JSON-LD only: a site's OpenGraph
 * name is the board's, not the article's)
 * @param siteName the site's own name ({@code og:site_name}, else the publisher), which
 * titles may carry as a suffix
 */
record PageMetadata(String headline, String datePublished, String author, String publisher, String section,
        String siteName) {

    static final PageMetadata NONE = new PageMetadata(null, null, null, null, null, null);

    /** What stands between a title and the site's name a page appends to it. */
    private static final List<String> SUFFIX_SEPARATORS = List.of(" - ", " | ", " : ", " :: ", " < ", " — ", " – ",
            " ｜ ");

    private static final Set<String> ARTICLE_TYPES = Set.of("NewsArticle", "Article", "ReportageNewsArticle",
            "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting", "SocialMediaPosting", "DiscussionForumPosting");

    /** JSON-LD larger than this is not read: no article's metadata needs it. */
    private static final int LONGEST_JSON_LD = 200_000;

    /** At most this many authors are named. */
    private static final int MOST_AUTHORS = 10;

    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .build();

    static PageMetadata of(Document document) {
        String siteName = meta(document, "og:site_name");
        for (Element script : document.select("script[type=application/ld+json]")) {
            String json = script.data();
            if (json.length() > LONGEST_JSON_LD) {
                continue;
            }
            JsonNode article = findArticle(parse(json));
            if (article != null) {
                String publisher = name(article.get("publisher"));
                String site = siteName != null ? siteName : publisher;
                return new PageMetadata(withoutSiteName(text(article.get("headline")), site, publisher),
                        text(article.get("datePublished")), authors(article.get("author")), publisher,
                        text(article.get("articleSection")), site);
            }
        }
        return new PageMetadata(withoutSiteName(meta(document, "og:title"), siteName, null),
                meta(document, "article:published_time"), person(notAUrl(meta(document, "article:author"))), null,
                meta(document, "article:section"), siteName);
    }

    /**
     * The title without the name of the site (or outlet) that a page appends to it after
     * a separator; a title that is nothing but the name stays as it is.
     */
    static String withoutSiteName(String title, String... names) {
        if (title == null) {
            return null;
        }
        for (String name : names) {
            if (name == null) {
                continue;
            }
            for (String separator : SUFFIX_SEPARATORS) {
                String suffix = separator + name;
                if (title.endsWith(suffix) && title.length() > suffix.length()) {
                    return Text.line(title.substring(0, title.length() - suffix.length()));
                }
            }
        }
        return title;
    }

    /** Every author's name, in order, without duplicates, joined by {@code ", "}. */
    private static String authors(JsonNode node) {
        if (node == null || !node.isArray()) {
            return person(name(node));
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode each : node) {
            String name = person(name(each));
            if (name != null && names.size() < MOST_AUTHORS) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /** A writer's name without a reporter's title or e-mail ({@code 한서윤 기자}). */
    private static String person(String name) {
        if (name == null) {
            return null;
        }
        String byline = ArticleEnd.byline(name);
        return byline != null ? byline : name;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    /** The first article object: at the top, in an array, or in an {@code @graph}. */
    private static JsonNode findArticle(JsonNode node) {
        List<JsonNode> candidates = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(candidates::add);
        }
        else if (node != null && node.isObject()) {
            candidates.add(node);
            if (node.get("@graph") != null && node.get("@graph").isArray()) {
                node.get("@graph").forEach(candidates::add);
            }
        }
        for (JsonNode candidate : candidates) {
            if (candidate.isObject() && isArticle(candidate.get("@type"))) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isArticle(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (isArticle(each)) {
                    return true;
                }
            }
            return false;
        }
        return type.isString() && ARTICLE_TYPES.contains(type.asString());
    }

    /**
     * A person or organisation: a name, an object with a name, or the first of several.
     */
    private static String name(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : name(node.get(0));
        }
        return node.isObject() ? text(node.get("name")) : text(node);
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isValueNode()) {
            return node != null && node.isArray() && !node.isEmpty() ? text(node.get(0)) : null;
        }
        String value = node.asString();
        // templates often HTML-escape what they put into JSON-LD (&quot;, &#39;, &amp;)
        return Text.line(value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, false) : value);
    }

    private static String meta(Document document, String property) {
        Element meta = document.selectFirst("meta[property=" + property + "]");
        return meta == null ? null : Text.line(meta.attr("content"));
    }

    private static String notAUrl(String value) {
        return value == null || value.startsWith("http://") || value.startsWith("https://") ? null : value;
    }
}
