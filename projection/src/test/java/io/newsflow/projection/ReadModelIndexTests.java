package io.newsflow.projection;

import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.IndexModel;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Collation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A read model creates its indexes in one command, through the driver's models: what an
 * index definition says reaches the model, and an option the model does not carry is
 * refused, never dropped.
 */
class ReadModelIndexTests {

    @Test
    void keysAndOptionsOfADefinitionReachTheDriversModel() {
        IndexModel model = ReadModel.model(new Index().on("board", Sort.Direction.ASC)
            .on("number", Sort.Direction.DESC)
            .named("board_number")
            .unique()
            .sparse()
            .expire(30, TimeUnit.DAYS));

        assertThat(model.getKeys()).isEqualTo(new Document("board", 1).append("number", -1));
        assertThat(model.getOptions().getName()).isEqualTo("board_number");
        assertThat(model.getOptions().isUnique()).isTrue();
        assertThat(model.getOptions().isSparse()).isTrue();
        assertThat(model.getOptions().getExpireAfter(TimeUnit.DAYS)).isEqualTo(30);
    }

    @Test
    void anOptionTheModelDoesNotCarryIsRefused() {
        Index korean = new Index().on("title", Sort.Direction.ASC).collation(Collation.of("ko"));

        assertThatIllegalArgumentException().isThrownBy(() -> ReadModel.model(korean))
            .withMessageContaining("collation");
    }

}
