package io.newsflow.article;

import java.util.List;

import io.newsflow.contracts.ArticleEvent;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ProjectionListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes article events in batches; the container commits offsets after each batch is
 * written.
 */
@Component
class ArticleEventsListener {

    private final ProjectionListener<ArticleEvent> projection;

    ArticleEventsListener(ProjectionListener<ArticleEvent> projection) {
        this.projection = projection;
    }

    @KafkaListener(id = ArticleProjectionConfiguration.LISTENER_ID, idIsGroup = false, topics = Topics.ARTICLES,
            batch = "true")
    void on(List<ConsumerRecord<String, ArticleEvent>> records) {
        this.projection.apply(records);
    }

}
