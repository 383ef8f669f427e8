package org.hindcast.extraction;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.hindcast.platform.Caches;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A paper's candidates, computed once per version of what they depend on: the text (by its SHA-256), the
 * paper's title and date, the rules and the phrase table. Anonymous readers may ask for a 2M-character
 * paper's candidates as often as they like; the extractor runs once, and concurrent first requests wait
 * for that one run. Versions are dropped past {@value #CAPACITY} entries or past {@value #MAX_CHARACTERS}
 * characters of candidate sentences in all (a hostile text can propose tens of thousands), those read least first.
 */
@ApplicationScoped
public class CandidateCache {

    static final int CAPACITY = 256;
    static final long MAX_CHARACTERS = 32_000_000;

    /** Everything the candidates of one paper are a function of. */
    record Key(long paperId, String textSha256, String title, LocalDate publishedOn, String rulesVersion,
               String phraseTableVersion) {
    }

    /**
     * Weighed by the characters of candidate sentences each holds (and each at least a {@value #CAPACITY}th of the
     * bound, so that no more than {@value #CAPACITY} are kept); Caffeine keeps those read most within the bound.
     * Its upkeep runs in the calling thread, so that the bound holds when a call returns.
     */
    private final AsyncCache<Key, List<Candidate>> entries;
    private final AtomicLong computations = new AtomicLong();

    @Inject
    MeterRegistry registry;

    public CandidateCache() {
        this(MAX_CHARACTERS);
    }

    CandidateCache(long maxCharacters) {
        long floor = Math.max(1, maxCharacters / CAPACITY);
        this.entries = Caffeine.newBuilder().maximumWeight(maxCharacters)
                .weigher((Key k, List<Candidate> v) -> (int) Math.min(Integer.MAX_VALUE, Math.max(floor, weight(v))))
                .executor(Runnable::run).recordStats().buildAsync();
    }

    /** Hits, misses and evictions in the metrics ({@code cache_gets_total{cache="paper-candidates"}}), with the hit ratio. */
    void register(@Observes StartupEvent start) {
        Caches.monitor(registry, entries.synchronous(), "paper-candidates");
    }

    private static long weight(List<Candidate> candidates) {
        return candidates.stream().mapToLong(c -> c.sentence().length() + 200L).sum();
    }

    List<Candidate> get(Key key, Supplier<List<Candidate>> compute) {
        CompletableFuture<List<Candidate>> mine = new CompletableFuture<>();
        CompletableFuture<List<Candidate>> existing = entries.get(key, (k, executor) -> mine);
        if (existing != mine) {
            try {
                return existing.join();
            } catch (java.util.concurrent.CompletionException e) {
                // the first reader's failure, as the first reader saw it
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        try {
            computations.incrementAndGet();
            List<Candidate> result = List.copyOf(compute.get());
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e); // a failed computation is dropped by the cache
            throw e;
        }
    }

    /** How many times candidates were computed since start-up (the rest were served from here). */
    public long computations() {
        return computations.get();
    }

    /** Characters held, as weighed. */
    long held() {
        entries.synchronous().cleanUp();
        return entries.synchronous().policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** Papers whose candidates are held. */
    long size() {
        entries.synchronous().cleanUp();
        return entries.synchronous().estimatedSize();
    }
}
