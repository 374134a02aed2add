package io.newsflow.service.edge;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A budget of bytes held at once: a request reserves what it will hold before it holds
 * it, and gives it back when it is done. Reservations never wait, so no caller queues
 * behind another.
 */
public final class InFlightBudget {

    private final long capacity;

    private final AtomicLong reserved = new AtomicLong();

    public InFlightBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Reserves {@code bytes} if they fit in what is left, and says whether they did. */
    public boolean tryReserve(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
        while (true) {
            long held = this.reserved.get();
            if (held + bytes > this.capacity) {
                return bytes == 0;
            }
            if (this.reserved.compareAndSet(held, held + bytes)) {
                return true;
            }
        }
    }

    public void release(long bytes) {
        this.reserved.addAndGet(-bytes);
    }

    public long reserved() {
        return this.reserved.get();
    }

    public long capacity() {
        return this.capacity;
    }

}
