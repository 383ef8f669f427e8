package org.hindcast.trackrecords;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hindcast.scoring.Scorer;

/** The tunable parts of scoring: the shrinkage constant k of leaderboards and the bootstrap. */
@ConfigMapping(prefix = "hindcast.scoring")
public interface ScoringSettings {

    /** k in the shrunk Brier (N*BS + k*0.25)/(N + k). */
    @WithDefault("10")
    double shrinkage();

    @WithDefault("2000")
    int bootstrapResamples();

    @WithDefault("20240313")
    long bootstrapSeed();

    default Scorer scorer() {
        return new Scorer(shrinkage(), bootstrapResamples(), bootstrapSeed());
    }
}
