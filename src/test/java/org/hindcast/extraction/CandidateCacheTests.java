package org.hindcast.extraction;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The candidate cache: one computation per key, bounded by the characters it holds, failures not kept. */
class CandidateCacheTests {

    private static List<Candidate> candidates(int n, int length) {
        Candidate c = new Candidate("x".repeat(length), 0, length, "likely", "likely", 0.55, 0.8, 0.7, "2026.1", false, false,
                null, false, null, LocalDate.of(2026, 1, 1), "EDITOR", "note", List.of(), List.of(), null);
        return java.util.Collections.nCopies(n, c);
    }

    private static CandidateCache.Key key(long paper) {
        return new CandidateCache.Key(paper, "sha", "title", LocalDate.of(2024, 1, 1), "2026.1", "2026.1");
    }

    @Test
    void theLeastRecentlyReadTextIsDroppedWhenTheCharactersHeldPassTheBound() {
        CandidateCache cache = new CandidateCache(3_000);
        cache.get(key(1), () -> candidates(2, 800));   // 2 x (800 + 200) = 2,000
        cache.get(key(1), () -> candidates(2, 800));   // served
        assertEquals(1, cache.computations());
        cache.get(key(2), () -> candidates(2, 800));   // 4,000 in all: paper 1 is dropped
        cache.get(key(2), () -> candidates(2, 800));
        assertEquals(2, cache.computations());
        cache.get(key(1), () -> candidates(2, 800));   // computed again, and paper 2 dropped in turn
        assertEquals(3, cache.computations());
    }

    @Test
    void aFailedComputationIsNotKept() {
        CandidateCache cache = new CandidateCache(3_000);
        assertThrows(IllegalStateException.class, () -> cache.get(key(1), () -> {
            throw new IllegalStateException("the text could not be read");
        }));
        assertEquals(1, cache.get(key(1), () -> candidates(1, 10)).size());
        assertEquals(2, cache.computations());
    }
}
