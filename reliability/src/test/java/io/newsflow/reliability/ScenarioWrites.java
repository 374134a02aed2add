package io.newsflow.reliability;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.bson.Document;

/**
 * The writes the crash scenarios send (even batches articles, odd batches posts, each
 * item with a title of its own) and how a stored document is matched back to what was
 * sent.
 */
final class ScenarioWrites {

    private static final String URL_PREFIX = "https://news.example.kr/crash/";

    private ScenarioWrites() {
    }

    /**
     * Batch number {@code batch} of {@code size} items: posts go to {@code board}, titles
     * are "{@code word} n 의 제목".
     */
    static Batch batch(int batch, int size, String board, String word) {
        boolean articles = batch % 2 == 0;
        StringJoiner items = new StringJoiner(",", "[", "]");
        Map<String, String> titles = new HashMap<>();
        for (int i = 0; i < size; i++) {
            int n = batch * size + i;
            String title = word + " " + n + " 의 제목";
            if (articles) {
                items.add("{\"url\": \"" + URL_PREFIX + n + "\", \"title\": \"" + title + "\", \"body\": \"본문 " + n
                        + ".\"}");
                titles.put("url:" + n, title);
            }
            else {
                items.add("{\"board\": \"" + board + "\", \"number\": " + (n + 1) + ", \"title\": \"" + title + "\"}");
                titles.put(board + ":" + (n + 1), title);
            }
        }
        return new Batch(articles ? "/api/v1/articles/batch" : "/api/v1/posts/batch", items.toString(), titles);
    }

    /**
     * What a stored document was sent as: a post by its key, an article by the URL it was
     * sent with (its id is derived from it).
     */
    static String idOf(Document document) {
        String url = document.getString("url");
        return url != null && url.startsWith(URL_PREFIX) ? "url:" + url.substring(URL_PREFIX.length())
                : document.getString("_id");
    }

    /** A batch request: where it goes, its body, and the title of each item by its id. */
    record Batch(String path, String json, Map<String, String> titles) {
    }

}
