package org.hindcast.extraction;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A paper's candidates, computed once per version of what they depend on: the text (by its SHA-256), the
 * paper's title and date, the rules and the phrase table. Anonymous readers may ask for a 2M-character
 * paper's candidates as often as they like; the extractor runs once, and concurrent first requests wait
 * for that one run. The least recently read versions are dropped past {@value #CAPACITY} entries.
 */
@ApplicationScoped
public class CandidateCache {

    static final int CAPACITY = 256;

    /** Everything the candidates of one paper are a function of. */
    record Key(long paperId, String textSha256, String title, LocalDate publishedOn, String rulesVersion,
               String phraseTableVersion) {
    }

    private final Map<Key, CompletableFuture<List<Candidate>>> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<List<Candidate>>> eldest) {
            return size() > CAPACITY;
        }
    };

    private final AtomicLong computations = new AtomicLong();

    List<Candidate> get(Key key, Supplier<List<Candidate>> compute) {
        CompletableFuture<List<Candidate>> mine = new CompletableFuture<>();
        CompletableFuture<List<Candidate>> existing;
        synchronized (entries) {
            existing = entries.putIfAbsent(key, mine);
        }
        if (existing != null) {
            return existing.join();
        }
        try {
            computations.incrementAndGet();
            List<Candidate> result = List.copyOf(compute.get());
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            synchronized (entries) {
                entries.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** How many times candidates were computed since start-up (the rest were served from here). */
    public long computations() {
        return computations.get();
    }
}
