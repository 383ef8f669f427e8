package org.hindcast.trackrecords;

import org.hindcast.scoring.SetScore;

import java.util.List;

/** Authors ranked by shrunk Brier, lowest (best) first, with N beside every score. */
public record Leaderboard(String scoringVersion, String theme, double shrinkage, int minScored, String brierScale,
                          List<Entry> entries, int page, int size, long total) {

    public record Entry(int rank, String slug, String displayName, int scored, double brier, double shrunkBrier,
                        SetScore.Interval brierInterval, Double brierStdError) {
    }
}
