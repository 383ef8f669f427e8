package org.hindcast.common;

import java.util.List;
import java.util.Set;

/**
 * Fired (synchronously, inside the writing transaction) when a write may change the scores of these
 * authors: a resolution, a correction, a merge, an import. The maintained leaderboard aggregates
 * observe it, so no figure is stale once the write returns. An empty set with {@code all} means
 * every author (a change to the theme tree).
 *
 * <p>With {@code outcomes}, only the outcomes of those forecasts changed (their authors, themes and probabilities
 * did not), and each says what it was and what it is: the aggregates move those forecasts between their (p, o)
 * counts instead of recounting the authors.
 */
public record ScoresChanged(Set<Long> authorIds, boolean all, List<Outcome> outcomes) {

    /**
     * A forecast's outcome o before and after the write; null where it was or is not scored (pending, annulled,
     * ambiguous, withdrawn).
     */
    public record Outcome(long forecastId, Double before, Double after) {
    }

    public static ScoresChanged of(Set<Long> authorIds) {
        return new ScoresChanged(Set.copyOf(authorIds), false, null);
    }

    /** Only this forecast's outcome changed, from {@code before} to {@code after} (null: not scored). */
    public static ScoresChanged outcome(Set<Long> authorIds, long forecastId, Double before, Double after) {
        return new ScoresChanged(Set.copyOf(authorIds), false, List.of(new Outcome(forecastId, before, after)));
    }

    public static ScoresChanged everyone() {
        return new ScoresChanged(Set.of(), true, null);
    }
}
