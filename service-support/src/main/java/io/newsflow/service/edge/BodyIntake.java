package io.newsflow.service.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One request body on its way in: read into memory, as its bytes arrive, within the
 * service's limit and in-flight budget, until it is complete or refused. The first
 * outcome wins (the last byte, the limit, the budget, the timeout); it is handed on by an
 * async dispatch, so every answer, a refusal too, goes through the container's pipeline.
 * What it reserved is released once, when the request ends.
 */
final class BodyIntake implements AsyncListener {

    private static final int CHUNK = 16 * 1024;

    private final InFlightBudget budget;

    private final long limit;

    private final long declared;

    private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.READING);

    private final AtomicBoolean released = new AtomicBoolean();

    private volatile long reserved;

    private byte[] fixed;

    private ByteArrayOutputStream chunked;

    private int length;

    /**
     * @param reserved the bytes already reserved for it (its declared length)
     * @param declared its declared length, or -1 for a chunked body
     */
    BodyIntake(InFlightBudget budget, long limit, long declared, long reserved) {
        this.budget = budget;
        this.limit = limit;
        this.declared = declared;
        this.reserved = reserved;
        if (declared >= 0) {
            this.fixed = new byte[(int) declared];
        }
        else {
            this.chunked = new ByteArrayOutputStream();
        }
    }

    /** What became of the body, once it is decided. */
    Outcome outcome() {
        return this.outcome.get();
    }

    /** The body as a request the application can read, once it is complete. */
    BufferedRequest request(HttpServletRequest request) {
        byte[] body = this.fixed != null ? this.fixed : this.chunked.toByteArray();
        return new BufferedRequest(request, body, this.fixed != null ? this.length : body.length);
    }

    /**
     * Reads the whole body in place, blocking: for containers without non-blocking reads.
     */
    void readAll(InputStream in) throws IOException {
        byte[] chunk = new byte[CHUNK];
        int n;
        while (this.outcome.get() == Outcome.READING && (n = read(in, chunk)) >= 0) {
            if (!accept(chunk, n)) {
                return;
            }
        }
        decide(Outcome.COMPLETE);
    }

    /** A listener that reads the body as it arrives and dispatches once it is decided. */
    ReadListener reader(AsyncContext async, ServletInputStream in) {
        return new ReadListener() {

            private final byte[] chunk = new byte[CHUNK];

            @Override
            public void onDataAvailable() throws IOException {
                while (outcome.get() == Outcome.READING && in.isReady()) {
                    int n = read(in, this.chunk);
                    if (n < 0) {
                        return;
                    }
                    if (!accept(this.chunk, n)) {
                        async.dispatch();
                        return;
                    }
                }
            }

            @Override
            public void onAllDataRead() {
                if (decide(Outcome.COMPLETE)) {
                    async.dispatch();
                }
            }

            @Override
            public void onError(Throwable failure) {
                if (decide(Outcome.BROKEN)) {
                    async.complete();
                }
            }

        };
    }

    /** Reads what is there; -1 once the body (its declared length) is in. */
    private int read(InputStream in, byte[] chunk) throws IOException {
        if (this.fixed == null) {
            return in.read(chunk, 0, chunk.length);
        }
        if (this.length == this.fixed.length) {
            return -1;
        }
        int n = in.read(this.fixed, this.length, this.fixed.length - this.length);
        if (n > 0) {
            this.length += n;
        }
        return n;
    }

    /**
     * Takes {@code n} more bytes of a chunked body into its buffer, within limit and
     * budget.
     * @return whether reading goes on: {@code false} when this call refused the body
     */
    private boolean accept(byte[] chunk, int n) {
        if (this.fixed != null) {
            return true;
        }
        if (this.chunked.size() + (long) n > this.limit) {
            return !decide(Outcome.TOO_LARGE);
        }
        if (!this.budget.tryReserve(n)) {
            return !decide(Outcome.BUSY);
        }
        this.reserved += n;
        this.chunked.write(chunk, 0, n);
        return true;
    }

    private boolean decide(Outcome decided) {
        return this.outcome.compareAndSet(Outcome.READING, decided);
    }

    /** Gives back what the body reserved; only the first call does. */
    void release() {
        if (this.released.compareAndSet(false, true)) {
            this.budget.release(this.reserved);
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        if (decide(Outcome.TIMED_OUT)) {
            event.getAsyncContext().dispatch();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        release();
    }

    @Override
    public void onError(AsyncEvent event) {
        decide(Outcome.BROKEN);
        release();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }

    /** What became of a body. */
    enum Outcome {

        READING(null), COMPLETE(null), TOO_LARGE(Refusal.TOO_LARGE), BUSY(Refusal.BUSY), TIMED_OUT(Refusal.TIMED_OUT),
        BROKEN(null);

        private final Refusal refusal;

        Outcome(Refusal refusal) {
            this.refusal = refusal;
        }

        /** The refusal to answer, or {@code null} for a complete or broken body. */
        Refusal refusal() {
            return this.refusal;
        }

    }

}
