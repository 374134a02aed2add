package io.newsflow.ingest.api;

/** Request and response examples of the OpenAPI description. */
public final class ApiExamples {

    public static final String ARTICLE = """
            {"url": "https://news.example.kr/economy/2024/07/24/port?utm_source=rss",
             "title": "남해안 항만 확장 사업 첫 삽",
             "subtitles": ["“물류 거점으로 키운다”"],
             "paragraphs": ["남해안의 한 항만에서 확장 공사 착공식이 열렸다.", "관계자는 “물류의 숨통이 트일 것”이라고 말했다."],
             "captions": [{"text": "착공식에서 참석자들이 첫 삽을 뜨고 있다.", "credit": "연합"}],
             "outlet": "한빛경제", "author": "김하늘", "publishedAt": "2024.07.24 14:32", "tags": ["항만"]}""";

    public static final String ARTICLE_ACCEPTED = """
            {"kind": "article", "id": "a-3f2b9c4d1e0a7b6c5d4e3f2a"}""";

    public static final String POST = """
            {"board": "rank-news", "number": 4812, "title": "장마 끝나자 찜통더위…주말까지 이어진다",
             "author": "날씨봇", "postedAt": "2024.07.24", "commentCount": 12}""";

    public static final String POST_ACCEPTED = """
            {"kind": "post", "id": "rank-news:4812"}""";

    public static final String BATCH_RESULT = """
            {"accepted": 1, "rejected": 1, "failed": 0, "items": [
              {"index": 0, "status": "accepted", "id": "rank-news:4812"},
              {"index": 1, "status": "rejected", "errors": [{"field": "title", "message": "must not be blank"}]}]}""";

    public static final String PAGE = """
            본문 바로가기

            “항만 물동량 역대 최대”

            남해안의 한 항만이 올해 상반기 물동량 기록을 다시 썼다.

            부두에서 컨테이너를 실은 선박이 출항하고 있다. /뉴스1

            한빛경제

            번호 제목 글쓴이 날짜
            공지 게시판 이용 규칙 안내 운영자 2024.01.01
            5012 물가 3.1% 상승…“체감은 더 높다” [12] 소식봇 14:32""";

    public static final String PAGE_RESULT = """
            {"board": "harbor-news", "url": "https://board.example.kr/harbor-news/5013", "layout": "text",
             "articleId": "a-06e9c8bc4a67f8c10619b341",
             "articles": ["a-06e9c8bc4a67f8c10619b341"], "posts": ["harbor-news:5012", "harbor-news:5013"],
             "post": "harbor-news:5013", "notices": 1,
             "skippedLines": 0, "items": []}""";

    public static final String PROBLEM = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "The request has invalid fields: title",
             "errors": [{"field": "title", "message": "must not be blank"}]}""";

    private ApiExamples() {
    }

}
