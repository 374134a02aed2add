package io.newsflow.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled evaluation set of story grouping: each wire story of
 * {@code stories/originals.json} with the reprints other outlets make of it (new titles,
 * new leads and closing lines, bylines, trimmed, reordered or merged paragraphs,
 * re-spacing, punctuation and quote styles, added photo captions and editor's notes, a
 * few words changed), and hard negatives that must stay stories of their own (another
 * story on the same event, a follow-up quoting a paragraph of the first, one outlet's
 * daily briefings made from one template). Articles of one label form one story; every
 * other pair is a negative.
 */
final class StoryEvaluationSet {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static final String[] REPRINTERS = { "바른일보", "누리경제", "동녘신문", "가람일보", "다온뉴스", "이음타임스", "새누리일보" };

    /** Days between two rounds of lone reprints: more than grouping's window. */
    private static final int ROUND_DAYS = 10;

    /**
     * The first round of lone reprints comes a year after the stories and their
     * negatives.
     */
    private static final int FIRST_ROUND_DAYS = 400;

    private StoryEvaluationSet() {
    }

    /** An article of the set with the story it belongs to. */
    record Labelled(String story, String kind, String url, String outlet, String title, List<String> paragraphs,
            List<Map<String, String>> captions, String publishedAt) {

        /** The article as ingest's JSON API takes it. */
        Map<String, Object> request() {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("url", this.url);
            request.put("title", this.title);
            request.put("paragraphs", this.paragraphs);
            request.put("captions", this.captions);
            request.put("outlet", this.outlet);
            request.put("publishedAt", this.publishedAt);
            return request;
        }
    }

    /** The whole set, in a fixed order. */
    static List<Labelled> all() {
        JsonNode originals = originals();
        List<Labelled> set = new ArrayList<>();
        List<Labelled> lone = new ArrayList<>();
        for (JsonNode story : originals.get("stories")) {
            Labelled original = article(story, story.get("id").asString(), "original", story.get("outlet").asString(),
                    story.get("title").asString(), texts(story.get("paragraphs")), List.of(), 0);
            List<Labelled> reprints = reprints(story);
            set.add(original);
            set.addAll(reprints);
            for (int k = 0; k < reprints.size(); k++) {
                String round = original.story() + "@" + reprints.get(k).kind();
                lone.add(alone(original, round, FIRST_ROUND_DAYS + k * ROUND_DAYS));
                lone.add(alone(reprints.get(k), round, FIRST_ROUND_DAYS + k * ROUND_DAYS));
            }
        }
        for (JsonNode negative : originals.get("negatives")) {
            set.add(article(negative, negative.get("id").asString(), negative.get("kind").asString(),
                    negative.get("outlet").asString(), negative.get("title").asString(),
                    texts(negative.get("paragraphs")), List.of(), 0));
        }
        set.addAll(briefings(originals.get("briefings")));
        set.addAll(lone);
        return set;
    }

    /**
     * An article of a round of its own: the original and one reprint alone, so every kind
     * of edit is measured without the other reprints bridging it; rounds lie further
     * apart than grouping's time window.
     */
    private static Labelled alone(Labelled article, String round, int days) {
        return new Labelled(round, article.kind(), article.url() + "?round=" + round.substring(round.indexOf('@') + 1),
                article.outlet(), article.title(), article.paragraphs(), article.captions(),
                OffsetDateTime.parse(article.publishedAt()).minusDays(days).format(ISO));
    }

    private static List<Labelled> reprints(JsonNode story) {
        String id = story.get("id").asString();
        String wire = story.get("outlet").asString();
        String title = story.get("title").asString();
        List<String> body = texts(story.get("paragraphs"));
        List<Labelled> reprints = new ArrayList<>();
        String reporter = "(서울=" + wire + ") 정다은 기자 = ";
        List<String> bylined = new ArrayList<>(body);
        bylined.set(0, reporter + bylined.get(0));
        bylined.add("정다은 기자 daeun@example.kr");
        reprints.add(article(story, id, "byline", REPRINTERS[0], title.replace("…", ", "), bylined, List.of(), 7));

        List<String> trimmed = new ArrayList<>(body.subList(0, body.size() - 1));
        reprints.add(article(story, id, "trimmed", REPRINTERS[1], "[종합] " + title, trimmed, List.of(), 11));

        List<String> reordered = new ArrayList<>(body);
        reordered.set(1, body.get(2));
        reordered.set(2, body.get(1));
        reordered.replaceAll(StoryEvaluationSet::respace);
        reprints.add(article(story, id, "reordered", REPRINTERS[2], title, reordered, List.of(), 16));

        List<String> punctuated = new ArrayList<>(body);
        punctuated.replaceAll(StoryEvaluationSet::plainPunctuation);
        punctuated.add("※ 이 기사는 " + wire + "의 기사를 바탕으로 작성됐습니다.");
        reprints.add(article(story, id, "punctuation", REPRINTERS[3], title + " (사진)", punctuated,
                List.of(Map.of("text", "현장의 모습. 기사 내용과 관련된 사진이다.", "credit", wire)), 23));

        List<String> short3 = new ArrayList<>(body.subList(0, 3));
        short3.set(0, reporter + short3.get(0));
        reprints.add(article(story, id, "first-three", REPRINTERS[4], "[속보] " + title, short3, List.of(), 31));

        List<String> merged = new ArrayList<>();
        merged.add(body.get(0) + " " + body.get(1));
        merged.addAll(body.subList(2, body.size()));
        merged.replaceAll(text -> text.replace("밝혔다", "전했다").replace("말했다", "덧붙였다"));
        reprints.add(article(story, id, "merged", REPRINTERS[5], title.replace("…", " - "), merged, List.of(), 40));

        List<String> localised = new ArrayList<>();
        localised.add(REPRINTERS[6] + "가 " + title.replace("…", ", ") + " 소식을 전한다.");
        localised.addAll(body.subList(1, body.size() - 1));
        localised.add("이 소식은 지역에서도 큰 관심을 모으고 있으며 관련 문의가 이어지고 있다.");
        reprints.add(article(story, id, "new-lead", REPRINTERS[6], title, localised, List.of(), 55));
        return reprints;
    }

    private static List<Labelled> briefings(JsonNode briefings) {
        List<Labelled> set = new ArrayList<>();
        int day = 0;
        for (JsonNode values : briefings.get("days")) {
            List<String> paragraphs = new ArrayList<>();
            for (JsonNode line : briefings.get("template")) {
                paragraphs.add(fill(line.asString(), values));
            }
            String title = fill(briefings.get("title").asString(), values);
            String label = "briefing-" + (++day);
            set.add(new Labelled(label, "briefing", "https://eval.example.kr/" + label,
                    briefings.get("outlet").asString(), title, paragraphs, List.of(),
                    OffsetDateTime.parse("2026-03-05T06:00:00+09:00").plusDays(day - 1).format(ISO)));
        }
        return set;
    }

    private static String fill(String template, JsonNode values) {
        String filled = template;
        for (Map.Entry<String, JsonNode> value : values.properties()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue().asString());
        }
        return filled;
    }

    private static Labelled article(JsonNode source, String story, String kind, String outlet, String title,
            List<String> paragraphs, List<Map<String, String>> captions, int minutesLater) {
        String url = "https://eval.example.kr/" + source.get("id").asString() + "/" + kind;
        String publishedAt = OffsetDateTime.parse(source.get("publishedAt").asString())
            .plusMinutes(minutesLater)
            .format(ISO);
        return new Labelled(story, kind, url, outlet, title, List.copyOf(paragraphs), captions, publishedAt);
    }

    /**
     * Spaces dropped after some words and doubled after others, as copy editors leave
     * them.
     */
    private static String respace(String text) {
        StringBuilder spaced = new StringBuilder();
        int spaces = 0;
        for (char c : text.toCharArray()) {
            if (c == ' ') {
                spaces++;
                if (spaces % 4 == 0) {
                    continue;
                }
                spaced.append(spaces % 5 == 0 ? "  " : " ");
            }
            else {
                spaced.append(c);
            }
        }
        return spaced.toString();
    }

    private static String plainPunctuation(String text) {
        return text.replace('“', '"')
            .replace('”', '"')
            .replace('‘', '\'')
            .replace('’', '\'')
            .replace("…", "...")
            .replace("퍼센트", "%");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asString()));
        return texts;
    }

    private static JsonNode originals() {
        try (InputStream in = StoryEvaluationSet.class.getResourceAsStream("/stories/originals.json")) {
            return JSON.readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The part of the set article-service's tests hold as a regression guard
     * ({@code stories/evaluation-sample.json} there): four stories with their reprints,
     * their hard negatives and two briefings.
     */
    static List<Labelled> sample() {
        List<String> stories = List.of("port-expansion", "heat-wave", "wildfire", "chip-exports");
        return all().stream()
            .filter(article -> stories.stream().anyMatch(article.story()::startsWith)
                    || article.story().equals("briefing-1") || article.story().equals("briefing-2"))
            .toList();
    }

    /** Writes the sample as JSON to the file given: {@code sample <file>}. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sample()) + "\n");
    }

}
