package org.hindcast.extraction;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theCharactersHeldNeverPassTheBoundAndADroppedTextIsComputedAgain() {
        CandidateCache cache = new CandidateCache(3_000);
        cache.get(key(1), () -> candidates(2, 800));   // 2 x (800 + 200) = 2,000
        cache.get(key(1), () -> candidates(2, 800));   // served
        assertEquals(1, cache.computations());
        assertEquals(2_000, cache.held());
        cache.get(key(2), () -> candidates(2, 800));   // 4,000 would pass the bound: one of the two is dropped
        assertEquals(2, cache.computations());
        assertEquals(1, cache.size());
        assertEquals(2_000, cache.held());
        cache.get(key(1), () -> candidates(2, 800));
        cache.get(key(2), () -> candidates(2, 800));
        assertEquals(3, cache.computations(), "the one kept is served, the one dropped computed again");
        assertTrue(cache.held() <= 3_000, cache.held() + " characters held");
    }

    @Test
    void noMoreThanTheCapacityIsKeptHoweverSmallTheEntries() {
        CandidateCache cache = new CandidateCache(CandidateCache.CAPACITY * 100L);
        for (int i = 0; i < CandidateCache.CAPACITY * 2; i++) {
            cache.get(key(i), () -> candidates(0, 0));
        }
        assertTrue(cache.size() <= CandidateCache.CAPACITY, cache.size() + " kept");
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
