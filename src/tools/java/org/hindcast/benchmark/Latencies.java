package org.hindcast.benchmark;

import java.util.Arrays;

/** Latency samples in nanoseconds, and their percentiles (nearest rank). Thread-safe. */
final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized int size() {
        return size;
    }

    /** The q-quantile in milliseconds (q = 0.5 for the median, 0.99 for p99); 0 without samples. */
    synchronized double millis(double q) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
