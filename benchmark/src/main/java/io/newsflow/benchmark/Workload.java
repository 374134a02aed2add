package io.newsflow.benchmark;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The articles and posts a run sends: deterministic for an index, written from word lists
 * (so search has real Korean tokens to find), about 1 KB of JSON per article as scraped
 * articles are.
 */
final class Workload {

    /**
     * The board most posts go to: three of every five, so 30,000 of a run's 50,000 posts,
     * the scale of the largest board of the crawls newsflow serves.
     */
    static final String SEED_BOARD = "bench-news";

    static final List<String> NOUNS = List.of("항만", "물류", "반도체", "수출", "금리", "물가", "전기차", "배터리", "태풍", "장마", "폭염",
            "농산물", "관광", "공항", "철도", "지하철", "도서관", "병원", "학교", "축제", "시장", "주택", "전세", "청년", "일자리", "조선소", "어업", "산림",
            "하천", "해수욕장", "야구", "축구", "배구", "선수단", "감독", "기록", "예산", "의회", "조례", "주민", "공원", "자전거", "버스", "요금", "전력",
            "태양광", "풍력", "수소", "기술", "연구소");

    private static final List<String> OUTLETS = List.of("한빛경제", "바다일보", "새벽뉴스", "들녘신문", "도시저널");

    private static final List<String> AUTHORS = List.of("김하늘", "이바다", "박들판", "최새벽", "정도시", "한빛봇");

    private Workload() {
    }

    /** Article {@code index} as an ingest request. */
    static String article(long index) {
        SplittableRandom random = new SplittableRandom(index * 31 + 7);
        StringBuilder json = new StringBuilder(1400);
        json.append("{\"url\":\"https://news.example.kr/bench/").append(index).append("?utm_source=bench\"");
        json.append(",\"title\":\"")
            .append(noun(random))
            .append(' ')
            .append(noun(random))
            .append(" 현장…")
            .append(noun(random))
            .append(" 논의 본격화\"");
        json.append(",\"subtitles\":[\"")
            .append(noun(random))
            .append("과 ")
            .append(noun(random))
            .append("의 연결을 다시 묻다\"]");
        json.append(",\"paragraphs\":[");
        for (int paragraph = 0; paragraph < 4; paragraph++) {
            json.append(paragraph == 0 ? "\"" : ",\"")
                .append(sentence(random))
                .append(' ')
                .append(sentence(random))
                .append('"');
        }
        json.append("],\"captions\":[{\"text\":\"")
            .append(noun(random))
            .append(" 관계자들이 ")
            .append(noun(random))
            .append(" 현장을 둘러보고 있다.\",\"credit\":\"뉴스")
            .append(random.nextInt(1, 10))
            .append("\"}]");
        json.append(",\"outlet\":\"").append(OUTLETS.get(random.nextInt(OUTLETS.size()))).append('"');
        json.append(",\"author\":\"").append(AUTHORS.get(random.nextInt(AUTHORS.size()))).append('"');
        json.append(",\"publishedAt\":\"2026.")
            .append(pad(random.nextInt(1, 12)))
            .append('.')
            .append(pad(random.nextInt(1, 29)))
            .append(' ')
            .append(pad(random.nextInt(0, 24)))
            .append(':')
            .append(pad(random.nextInt(0, 60)))
            .append('"');
        json.append(",\"tags\":[\"").append(noun(random)).append("\"]}");
        return json.toString();
    }

    /**
     * Post {@code index} as an ingest request: three of every five on the seed board, the
     * others on two smaller boards, numbers counting up in each.
     */
    static String post(long index) {
        SplittableRandom random = new SplittableRandom(index * 17 + 3);
        return "{\"board\":\"" + board(index) + "\",\"number\":" + number(index) + ",\"title\":\"" + noun(random)
                + " 소식 정리해 봤습니다 " + noun(random) + " 포함\",\"author\":\"" + AUTHORS.get(random.nextInt(AUTHORS.size()))
                + "\",\"postedAt\":\"2026." + pad(random.nextInt(1, 12)) + "." + pad(random.nextInt(1, 29))
                + "\",\"commentCount\":" + random.nextInt(0, 300) + "}";
    }

    static String board(long index) {
        long slot = index % 5;
        return slot < 3 ? SEED_BOARD : slot == 3 ? "bench-talk" : "bench-life";
    }

    static long number(long index) {
        long slot = index % 5;
        return slot < 3 ? index / 5 * 3 + slot + 1 : index / 5 + 1;
    }

    /**
     * Items {@code from} (inclusive) to {@code to} (exclusive) of one kind as a JSON
     * array.
     */
    static String batch(boolean articles, long from, long to) {
        StringBuilder json = new StringBuilder((int) (to - from) * (articles ? 1400 : 200)).append('[');
        for (long index = from; index < to; index++) {
            json.append(index == from ? "" : ",").append(articles ? article(index) : post(index));
        }
        return json.append(']').toString();
    }

    private static String sentence(SplittableRandom random) {
        return noun(random) + " 분야에서 " + noun(random) + " 관련 " + noun(random) + " 대책이 논의됐고 " + noun(random) + " 측은 "
                + noun(random) + " 개선을 약속했다.";
    }

    private static String noun(SplittableRandom random) {
        return NOUNS.get(random.nextInt(NOUNS.size()));
    }

    private static String pad(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

}
