package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Turns a scraped HTML page into the text form {@link PageParser} reads, with jsoup: each block
 * element with no blocks inside becomes a paragraph, each table row one line (its cells joined by
 * spaces); scripts, styles, navigation, headers, footers and forms are dropped.
 */
final class HtmlPageText {

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl",
            "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "li", "main", "ol", "p", "pre",
            "section", "table", "ul");

    private static final String DROPPED = "script, style, noscript, template, nav, header, footer, form, button, "
            + "iframe, svg, select";

    private HtmlPageText() {
    }

    static String text(String html) {
        Document document = Jsoup.parse(html);
        document.select(DROPPED).remove();
        document.select("br").forEach(br -> br.replaceWith(new TextNode("\n")));
        List<String> blocks = new ArrayList<>();
        collect(document.body(), blocks);
        return String.join("\n\n", blocks);
    }

    private static void collect(Element element, List<String> blocks) {
        if (element.normalName().equals("table")) {
            blocks.add(table(element));
            return;
        }
        if (element.children().stream().noneMatch(HtmlPageText::isOrHoldsBlock)) {
            String text = lines(element);
            if (!text.isBlank()) {
                blocks.add(text);
            }
            return;
        }
        element.children().forEach(child -> collect(child, blocks));
    }

    private static boolean isOrHoldsBlock(Element element) {
        return BLOCKS.contains(element.normalName()) || element.children().stream().anyMatch(HtmlPageText::isOrHoldsBlock);
    }

    /** The element's text, keeping the line breaks of {@code <br>} and collapsing other whitespace. */
    private static String lines(Element element) {
        List<String> lines = new ArrayList<>();
        for (String line : element.wholeText().split("\n")) {
            String collapsed = line.replaceAll("\\s+", " ").strip();
            if (!collapsed.isEmpty()) {
                lines.add(collapsed);
            }
        }
        return String.join("\n", lines);
    }

    private static String table(Element table) {
        List<String> rows = new ArrayList<>();
        for (Element row : table.select("tr")) {
            String line = String.join(" ", row.select("th, td").stream().map(Element::text)
                    .filter(cell -> !cell.isBlank()).toList());
            if (!line.isBlank()) {
                rows.add(line);
            }
        }
        return String.join("\n", rows);
    }
}
