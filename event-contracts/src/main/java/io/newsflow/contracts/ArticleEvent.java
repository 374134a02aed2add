package io.newsflow.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Everything that happens to an article, published on {@link Topics#ARTICLES} keyed by
 * {@link #articleId()}. The JSON carries its kind in a {@code type} field whose values
 * are stable domain names, never Java class names.
 *
 * <p>
 * {@link #revision()} orders the events of one article: a consumer applies an event only
 * when its revision is higher than the one it stored.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ArticlePublished.class, name = ArticlePublished.TYPE),
        @JsonSubTypes.Type(value = ArticleRemoved.class, name = ArticleRemoved.TYPE) })
public sealed interface ArticleEvent extends NewsflowEvent permits ArticlePublished, ArticleRemoved {

    /** Schema version of the v1 records. */
    int SCHEMA_VERSION = 1;

    String articleId();

}
