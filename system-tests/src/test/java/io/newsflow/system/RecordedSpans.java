package io.newsflow.system;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;

/**
 * Keeps every span the services in this JVM finish, so tests can follow a trace across
 * Kafka.
 */
final class RecordedSpans extends SpanHandler {

    private final Queue<MutableSpan> spans = new ConcurrentLinkedQueue<>();

    @Override
    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
        this.spans.add(span);
        return true;
    }

    List<MutableSpan> ofTrace(String traceId) {
        return this.spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

}
