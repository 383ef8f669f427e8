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
 * for that one run. The least recently read versions are dropped past {@value #CAPACITY} entries or past
 * {@value #MAX_CHARACTERS} characters of candidate sentences in all (a hostile text can propose tens of thousands).
 */
@ApplicationScoped
public class CandidateCache {

    static final int CAPACITY = 256;
    static final long MAX_CHARACTERS = 32_000_000;

    /** Everything the candidates of one paper are a function of. */
    record Key(long paperId, String textSha256, String title, LocalDate publishedOn, String rulesVersion,
               String phraseTableVersion) {
    }

    private final Map<Key, CompletableFuture<List<Candidate>>> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<List<Candidate>>> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            Long w = weights.remove(eldest.getKey());
            held -= w == null ? 0 : w;
            return true;
        }
    };

    private final AtomicLong computations = new AtomicLong();
    private final long maxCharacters;

    public CandidateCache() {
        this(MAX_CHARACTERS);
    }

    CandidateCache(long maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    /** Characters held per computed entry, and in all (guarded by {@code entries}). */
    private final Map<Key, Long> weights = new java.util.HashMap<>();
    private long held;

    List<Candidate> get(Key key, Supplier<List<Candidate>> compute) {
        CompletableFuture<List<Candidate>> mine = new CompletableFuture<>();
        CompletableFuture<List<Candidate>> existing;
        synchronized (entries) {
            existing = entries.putIfAbsent(key, mine);
        }
        if (existing != null) {
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
            weigh(key, result.stream().mapToLong(c -> c.sentence().length() + 200L).sum());
            return result;
        } catch (RuntimeException | Error e) {
            synchronized (entries) {
                entries.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void weigh(Key key, long weight) {
        synchronized (entries) {
            if (!entries.containsKey(key)) {
                return; // dropped meanwhile
            }
            weights.put(key, weight);
            held += weight;
            var eldest = entries.keySet().iterator();
            while (held > maxCharacters && eldest.hasNext()) {
                Key k = eldest.next();
                Long w = weights.get(k);
                if (w != null && !k.equals(key)) {
                    eldest.remove();
                    weights.remove(k);
                    held -= w;
                }
            }
        }
    }

    /** How many times candidates were computed since start-up (the rest were served from here). */
    public long computations() {
        return computations.get();
    }
}
