package org.hindcast.common;

import java.util.Set;

/**
 * Fired (synchronously, inside the writing transaction) when a write may change the scores of these
 * authors: a resolution, a correction, a merge, an import. The maintained leaderboard aggregates
 * observe it, so no figure is stale once the write returns. An empty set with {@code all} means
 * every author (a change to the theme tree).
 */
public record ScoresChanged(Set<Long> authorIds, boolean all) {

    public static ScoresChanged of(Set<Long> authorIds) {
        return new ScoresChanged(Set.copyOf(authorIds), false);
    }

    public static ScoresChanged everyone() {
        return new ScoresChanged(Set.of(), true);
    }
}
