package org.hindcast.platform;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The service's caches in the metrics: Micrometer's Caffeine binder ({@code cache_gets_total} by {@code result} hit
 * or miss, {@code cache_evictions_total}, {@code cache_size}) and the hit ratio since start-up as a gauge of its own
 * ({@code hindcast_cache_hit_ratio}), each tagged with the cache's name.
 */
public final class Caches {

    private Caches() {
    }

    public static void monitor(MeterRegistry registry, Cache<?, ?> cache, String name) {
        CaffeineCacheMetrics.monitor(registry, cache, name);
        Gauge.builder("hindcast.cache.hit.ratio", cache, c -> c.stats().requestCount() == 0 ? 0 : c.stats().hitRate())
                .tag("cache", name).description("Hits over requests since start-up").register(registry);
    }
}
