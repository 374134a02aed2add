package io.newsflow.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The one rule for what can never be applied, for the live listener and the rebuild
 * alike: a record that could not be deserialised, or one its projection rejects
 * ({@link Projection#validate}). A record without a value (a Kafka tombstone) is no
 * poison: there is nothing to apply.
 */
final class PoisonRecords {

    private PoisonRecords() {
    }

    /**
     * Why the record can never be applied, or {@code null} when it can (or holds
     * nothing).
     */
    static <E> RuntimeException reason(ConsumerRecord<String, E> record, Projection<E> projection) {
        DeserializationException undeserialisable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
        if (undeserialisable != null) {
            return undeserialisable;
        }
        if (record.value() == null) {
            return null;
        }
        try {
            projection.validate(record.key(), record.value());
            return null;
        }
        catch (PoisonEventException ex) {
            return ex;
        }
    }

}
