package io.newsflow.ingest.publish;

import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.newsflow.contracts.CloudEventAttributes;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents 1.0 headers of an event's record (Kafka protocol binding, binary
 * content mode), written by the CloudEvents SDK: the payload stays the event's JSON, the
 * attributes ({@link CloudEventAttributes}) go into {@code ce_*} headers and
 * {@code content-type}.
 */
final class CloudEventHeaders {

    private CloudEventHeaders() {
    }

    static Headers of(OutgoingEvent outgoing) {
        String typeName = CloudEventAttributes.typeName(outgoing.event());
        CloudEvent attributes = CloudEventBuilder.v1()
            .withId(outgoing.event().eventId())
            .withSource(CloudEventAttributes.INGEST_SOURCE)
            .withType(CloudEventAttributes.type(typeName))
            .withTime(outgoing.event().occurredAt().atOffset(ZoneOffset.UTC))
            .withSubject(outgoing.key())
            .withDataContentType(CloudEventAttributes.CONTENT_TYPE)
            .withDataSchema(CloudEventAttributes.dataSchema(typeName))
            .build();
        return KafkaMessageFactory.createWriter(outgoing.topic(), outgoing.key()).writeBinary(attributes).headers();
    }

}
