package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns an HTML page of a layout newsflow does not know into the text form
 * {@link PageParser} reads: each block becomes a paragraph, each table row one line (its
 * cells joined by spaces). Scripts, styles, navigation, the site's header and footer, and
 * forms other than one holding the listing are dropped; a heading inside the article
 * ({@code <article><header>…}) is kept.
 */
final class UnknownLayoutText {

    private static final String DROPPED = "script, style, noscript, template, nav, footer, button, iframe, svg, "
            + "select";

    private UnknownLayoutText() {
    }

    static String text(Document document) {
        Element body = document.body().clone();
        body.select(DROPPED).remove();
        for (Element header : body.select("header")) {
            if (header.closest("article") == null) {
                header.remove();
            }
        }
        for (Element form : body.select("form")) {
            if (form.selectFirst("table") == null) {
                form.remove();
            }
        }
        List<String> blocks = new ArrayList<>();
        for (HtmlTextBlocks.Block block : HtmlTextBlocks.of(body)) {
            blocks.add(String.join("\n", block.lines()));
        }
        return String.join("\n\n", blocks);
    }

}
