package org.hindcast.common;

import java.util.Set;

/**
 * Fired (synchronously, inside the writing transaction) when a write may change the scores of these
 * authors: a resolution, a correction, a merge, an import. The maintained leaderboard aggregates
 * observe it, so no figure is stale once the write returns. An empty set with {@code all} means
 * every author (a change to the theme tree).
 */
public record ScoresChanged(Set<Long> authorIds, boolean all, Set<Long> verdictsOn) {

    public static ScoresChanged of(Set<Long> authorIds) {
        return new ScoresChanged(Set.copyOf(authorIds), false, null);
    }

    /**
     * Only the verdicts on these forecasts changed (their themes, authors and probabilities did not): the sets that
     * do not hold them keep their figures, so only the authors' overall rows and those themes' rows are recomputed.
     */
    public static ScoresChanged verdicts(Set<Long> authorIds, Set<Long> forecastIds) {
        return new ScoresChanged(Set.copyOf(authorIds), false, Set.copyOf(forecastIds));
    }

    public static ScoresChanged everyone() {
        return new ScoresChanged(Set.of(), true, null);
    }
}
