package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.newsflow.ingest.normalize.Text;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a page says about its article in machine-readable form: a schema.org
 * {@code NewsArticle} (or {@code Article}, {@code BlogPosting} …) in JSON-LD, else
 * OpenGraph's {@code og:title} and {@code article:*} properties. Each value may be
 * {@code null}.
 *
 * @param publisher the outlet that published it (from JSON-LD only: a site's OpenGraph
 * name is the board's, not the article's)
 */
record PageMetadata(String headline, String datePublished, String author, String publisher, String section) {

    static final PageMetadata NONE = new PageMetadata(null, null, null, null, null);

    private static final Set<String> ARTICLE_TYPES = Set.of("NewsArticle", "Article", "ReportageNewsArticle",
            "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting", "SocialMediaPosting", "DiscussionForumPosting");

    /** JSON-LD larger than this is not read: no article's metadata needs it. */
    private static final int LONGEST_JSON_LD = 200_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static PageMetadata of(Document document) {
        for (Element script : document.select("script[type=application/ld+json]")) {
            String json = script.data();
            if (json.length() > LONGEST_JSON_LD) {
                continue;
            }
            JsonNode article = findArticle(parse(json));
            if (article != null) {
                return new PageMetadata(text(article.get("headline")), text(article.get("datePublished")),
                        name(article.get("author")), name(article.get("publisher")),
                        text(article.get("articleSection")));
            }
        }
        return new PageMetadata(meta(document, "og:title"), meta(document, "article:published_time"),
                notAUrl(meta(document, "article:author")), null, meta(document, "article:section"));
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
        return Text.line(node.asString());
    }

    private static String meta(Document document, String property) {
        Element meta = document.selectFirst("meta[property=" + property + "]");
        return meta == null ? null : Text.line(meta.attr("content"));
    }

    private static String notAUrl(String value) {
        return value == null || value.startsWith("http://") || value.startsWith("https://") ? null : value;
    }
}
