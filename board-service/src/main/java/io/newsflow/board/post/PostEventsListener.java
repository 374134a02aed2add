package io.newsflow.board.post;

import java.util.List;

import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ProjectionListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes post events in batches; the container commits offsets after each batch is
 * written.
 */
@Component
class PostEventsListener {

    private final ProjectionListener<PostEvent> projection;

    PostEventsListener(ProjectionListener<PostEvent> projection) {
        this.projection = projection;
    }

    @KafkaListener(id = PostProjectionConfiguration.LISTENER_ID, idIsGroup = false, topics = Topics.POSTS,
            batch = "true")
    void on(List<ConsumerRecord<String, PostEvent>> records) {
        this.projection.apply(records);
    }

}
