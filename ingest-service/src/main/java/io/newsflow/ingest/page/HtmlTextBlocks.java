package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.newsflow.ingest.normalize.Text;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML subtree as blocks, in one pass over its nodes: every block element
 * (a paragraph, a heading, a list item, a {@code div} …) starts and ends a block, a
 * {@code br} element breaks a line inside one (two of them, a blank line, end the block),
 * a table row is a block of its cells joined by spaces, and a {@code figcaption} is a
 * block of its own kind. White space is collapsed; empty blocks are dropped. Text marked
 * for screen readers only is skipped.
 */
final class HtmlTextBlocks {

    /** What a block was in the markup. */
    enum Kind {

        TEXT, HEADING, CAPTION

    }

    /**
     * A block of text.
     *
     * @param lines its lines, each collapsed and non-blank
     */
    record Block(Kind kind, List<String> lines) {

        String text() {
            return String.join(" ", this.lines);
        }
    }

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl",
            "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
            "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private static final Set<String> CELLS = Set.of("td", "th");

    private HtmlTextBlocks() {
    }

    static List<Block> of(Element root) {
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, root);
        collector.flush();
        return collector.blocks;
    }

    /**
     * Elements whose text a reader of the page does not see, that only screen readers
     * announce, or that only a browser without scripts shows ({@code noscript}); and the
     * menu a board engine hangs on a writer's name (GNUBoard's side view: 쪽지보내기, 자기소개,
     * 전체게시물 …), which is no part of the name. Both readers of a page, the blocks and the
     * listing, leave them out.
     */
    static final String HIDDEN = ".sound_only, .blind, .sr-only, .screen_out, .hidden, .hide, [hidden], noscript, "
            + ".sv_wrap .sv, .sv_nojs";

    static boolean isHidden(Element element) {
        return element.hasClass("sound_only") || element.hasClass("blind") || element.hasClass("sr-only")
                || element.hasClass("screen_out") || element.hasClass("hidden") || element.hasClass("hide")
                || element.hasAttr("hidden") || element.normalName().equals("noscript") || element.hasClass("sv_nojs")
                || element.hasClass("sv") && element.parent() != null && element.parent().hasClass("sv_wrap");
    }

    private static final class Collector implements NodeVisitor {

        private final List<Block> blocks = new ArrayList<>();

        private final StringBuilder line = new StringBuilder();

        private final List<String> lines = new ArrayList<>();

        private int length;

        private Kind kind = Kind.TEXT;

        /** Depth of the hidden element being skipped, or -1. */
        private int hiddenDepth = -1;

        /**
         * How many table rows enclose the current node: inside one, every cell stays on
         * the row's line.
         */
        private int rows;

        @Override
        public void head(Node node, int depth) {
            if (this.hiddenDepth >= 0) {
                return;
            }
            if (node instanceof TextNode text) {
                append(text.getWholeText());
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String name = element.normalName();
            if (isHidden(element) || name.equals("script") || name.equals("style") || name.equals("template")) {
                this.hiddenDepth = depth;
            }
            else if (name.equals("tr")) {
                flush();
                this.rows++;
            }
            else if (this.rows > 0 || CELLS.contains(name)) {
                append(" ");
            }
            else if (name.equals("br")) {
                if (this.lines.isEmpty() || Text.line(this.line.toString()) != null) {
                    breakLine();
                }
                else {
                    // a blank line (<br><br>) ends a paragraph, as editors that write no
                    // <p> mean it
                    Kind kept = this.kind;
                    flush();
                    this.kind = kept;
                }
            }
            else if (BLOCKS.contains(name)) {
                flush();
                this.kind = HEADINGS.contains(name) ? Kind.HEADING
                        : name.equals("figcaption") ? Kind.CAPTION : Kind.TEXT;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (this.hiddenDepth >= 0) {
                if (this.hiddenDepth == depth) {
                    this.hiddenDepth = -1;
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            if (element.normalName().equals("tr")) {
                this.rows--;
                flush();
            }
            else if (this.rows == 0 && BLOCKS.contains(element.normalName())) {
                flush();
            }
        }

        private void append(String text) {
            this.line.append(text);
            this.length += text.length();
            if (this.length > PageParser.MAX_LINE) {
                throw new PageLimitExceededException(
                        "A paragraph of the page has more than " + PageParser.MAX_LINE + " characters");
            }
        }

        private void breakLine() {
            String collapsed = Text.line(this.line.toString());
            if (collapsed != null) {
                this.lines.add(collapsed);
            }
            this.line.setLength(0);
        }

        void flush() {
            breakLine();
            if (!this.lines.isEmpty()) {
                this.blocks.add(new Block(this.kind, List.copyOf(this.lines)));
                this.lines.clear();
            }
            this.length = 0;
            this.kind = Kind.TEXT;
        }

    }

}
