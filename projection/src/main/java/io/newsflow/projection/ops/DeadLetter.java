package io.newsflow.projection.ops;

import java.nio.ByteBuffer;
import java.time.Instant;

import io.newsflow.projection.RecordHeaders;
import io.newsflow.service.web.InvalidFieldException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * A dead letter as operators see it: where it is in the dead-letter topic, where it came
 * from and why it died, from the headers the dead-letter recoverer wrote.
 *
 * @param id {@code partition-offset} in the dead-letter topic
 */
public record DeadLetter(String id, String key, String originalTopic, Integer originalPartition, Long originalOffset,
        String exception, String message, Instant deadAt) {

    static DeadLetter of(ConsumerRecord<String, ?> record) {
        return new DeadLetter(Position.of(record).id(), record.key(), header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET), header(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), Instant.ofEpochMilli(record.timestamp()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return RecordHeaders.text(record.headers(), name);
    }

    private static Integer intHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != 4 ? null : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != 8 ? null : ByteBuffer.wrap(header.value()).getLong();
    }

    /** A record's place in the dead-letter topic, written {@code partition-offset}. */
    record Position(int partition, long offset) {

        static Position of(ConsumerRecord<?, ?> record) {
            return new Position(record.partition(), record.offset());
        }

        static Position parse(String id) {
            try {
                int dash = id.indexOf('-');
                return new Position(Integer.parseInt(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
            }
            catch (RuntimeException ex) {
                throw new InvalidFieldException("id", "must be a dead letter's partition-offset, such as 0-17");
            }
        }

        String id() {
            return this.partition + "-" + this.offset;
        }

    }

}
