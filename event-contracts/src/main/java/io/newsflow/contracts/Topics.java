package io.newsflow.contracts;

/**
 * Kafka topic names of the v1 contract. Names are domain names with a version suffix,
 * never Java class names; a breaking change gets a new record and a new {@code .v2}
 * topic.
 */
public final class Topics {

    /** Article events ({@link ArticleEvent}), keyed by article id. */
    public static final String ARTICLES = "newsflow.articles.v1";

    /** Post events ({@link PostEvent}), keyed by {@code board:number}. */
    public static final String POSTS = "newsflow.posts.v1";

    /** Suffix of the dead-letter topic of every topic above. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

}
