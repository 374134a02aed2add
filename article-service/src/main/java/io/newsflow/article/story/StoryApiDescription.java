package io.newsflow.article.story;

/**
 * The examples the story operations show, held against real answers in StoryReadApiTests.
 */
final class StoryApiDescription {

    static final String PAGE = """
            {"items": [{"id": "a-3f2b9c4d1e0a7b6c5d4e3f2a", "title": "남해안 항만 확장 사업 첫 삽",
              "url": "https://wire.example.kr/2024/07/24/port", "outlet": "한빛통신",
              "firstSeen": "2024-07-24T00:10:00Z", "lastSeen": "2024-07-24T00:50:00Z", "articles": 3,
              "outlets": ["바다일보", "한빛경제", "한빛통신"]}],
             "nextCursor": "MTcyMTc3OTgwMDAwMDphLTNmMmI5YzRkMWUwYTdiNmM1ZDRlM2YyYQ"}""";

    static final String STORY = """
            {"id": "a-3f2b9c4d1e0a7b6c5d4e3f2a", "title": "남해안 항만 확장 사업 첫 삽",
             "firstSeen": "2024-07-24T00:10:00Z", "lastSeen": "2024-07-24T00:50:00Z", "size": 3,
             "outlets": ["한빛경제", "한빛통신"],
             "articles": [{"id": "a-3f2b9c4d1e0a7b6c5d4e3f2a", "title": "남해안 항만 확장 사업 첫 삽",
               "url": "https://wire.example.kr/2024/07/24/port", "outlet": "한빛통신",
               "publishedAt": "2024-07-24T00:10:00Z"},
              {"id": "a-9c1d2e3f4a5b6c7d8e9f0a1b", "title": "[종합] 남해안 항만 확장 사업 첫 삽",
               "url": "https://news.example.kr/economy/2024/07/24/port", "outlet": "한빛경제",
               "publishedAt": "2024-07-24T00:50:00Z"},
              {"id": "a-06e9c8bc4a67f8c10619b341", "title": "남해안 항만 확장 사업 첫 삽",
               "url": "https://board.example.kr/harbor-news/5013", "outlet": "한빛통신",
               "publishedAt": "2024-07-24T00:10:00Z"}],
             "reposts": [{"board": "harbor-news", "number": 5013, "articleId": "a-06e9c8bc4a67f8c10619b341",
               "title": "남해안 항만 확장 사업 첫 삽", "url": "https://board.example.kr/harbor-news/5013",
               "seenAt": "2024-07-24T01:05:00Z"}]}""";

    static final String INVALID_PARAMETER = """
            {"title": "Invalid request", "status": 400,
             "detail": "minArticles must be between 1 and 1000", "instance": "/api/v1/stories",
             "errors": [{"field": "minArticles", "message": "must be between 1 and 1000"}]}""";

    static final String NOT_FOUND = """
            {"title": "Not Found", "status": 404,
             "detail": "No story with id a-000000000000000000000000", "instance": "/api/v1/stories/a-000000000000000000000000"}""";

    private StoryApiDescription() {
    }

}
