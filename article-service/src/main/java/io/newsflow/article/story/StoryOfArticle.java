package io.newsflow.article.story;

import java.util.List;

import org.bson.Document;

/**
 * The story an article belongs to, shown with the article.
 *
 * @param id the story's id: its earliest article's
 * @param size how many articles the story has
 * @param outlets the outlets that printed it
 */
public record StoryOfArticle(String id, int size, List<String> outlets) {

    static StoryOfArticle of(Document story) {
        return new StoryOfArticle(story.getString("_id"), story.get("size", Number.class).intValue(),
                story.getList("outlets", String.class, List.of()));
    }
}
