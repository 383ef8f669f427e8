package org.hindcast.scoring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorerTests {

    private static final double EPS = 1e-9;
    private final Scorer scorer = new Scorer();

    private static List<ScoredForecast> set(double[] p, double[] o) {
        List<ScoredForecast> list = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            list.add(new ScoredForecast(p[i], o[i]));
        }
        return list;
    }

    private static final List<ScoredForecast> REFERENCE =
            set(new double[]{0.1, 0.4, 0.35, 0.8, 0.1}, new double[]{0, 0, 1, 1, 0});

    @Test
    void theReferenceVectorGivesBrier01285AndLogLoss03989() {
        SetScore s = scorer.score(REFERENCE);
        assertEquals(5, s.scored());
        assertEquals(0.1285, s.brier(), EPS);
        assertEquals((0.01 + 0.16 + 0.4225 + 0.04 + 0.01) / 5, s.brier(), EPS);
        assertEquals(0.3989, s.logLoss(), 5e-5);
        double expectedLogLoss = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8) + Math.log(0.9)) / 5;
        assertEquals(expectedLogLoss, s.logLoss(), EPS);
    }

    @Test
    void aSetGivenAsItsPairCountsScoresAsTheSetItself() {
        Scorer.Runs runs = Scorer.Runs.of(REFERENCE);
        assertEquals(5, runs.size());
        // the counts the leaderboards keep: the reference vector's distinct pairs, by p then o
        Scorer.Runs kept = new Scorer.Runs(runs.p().clone(), runs.o().clone(), runs.count().clone());
        assertEquals(scorer.score(REFERENCE), scorer.score(kept));
        assertEquals(scorer.score(REFERENCE).brier(), Scorer.meanBrier(kept), 0.0);
        assertEquals(0.1285, Scorer.meanBrier(kept), EPS);
        // counts out of order, repeated, empty or out of range are refused
        assertThrows(IllegalArgumentException.class, () -> new Scorer.Runs(new double[]{0.8, 0.1}, new double[]{1, 0}, new int[]{1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Scorer.Runs(new double[]{0.1, 0.1}, new double[]{0, 0}, new int[]{1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Scorer.Runs(new double[]{0.1}, new double[]{0}, new int[]{0}));
        assertThrows(IllegalArgumentException.class, () -> new Scorer.Runs(new double[]{1.5}, new double[]{0}, new int[]{1}));
        assertThrows(IllegalArgumentException.class, () -> Scorer.meanBrier(new Scorer.Runs(new double[0], new double[0], new int[0])));
    }

    @Test
    void theBaselineScoreOfOneTrueForecastAt08Is67807() {
        assertEquals(100 * (Math.log(0.8) / Math.log(2) + 1), Rules.baselineScore(0.8, 1), EPS);
        assertEquals(67.807, Rules.baselineScore(0.8, 1), 1e-3);
        assertEquals(0, Rules.baselineScore(0.5, 1), EPS);
        assertEquals(0, Rules.baselineScore(0.5, 0), EPS);
    }

    @Test
    void theSetFiguresOfTheReferenceVectorMatchHandComputedValues() {
        SetScore s = scorer.score(REFERENCE);
        double bs = 0.1285;
        assertEquals(0.4, s.baseRate(), EPS);
        assertEquals(1 - bs / 0.25, s.bss50(), EPS);
        assertEquals(1 - bs / (0.4 * 0.6), s.bssBase(), EPS);
        // discrimination: mean p of the true ones (0.35, 0.8) minus mean p of the false ones (0.1, 0.4, 0.1)
        assertEquals((0.35 + 0.8) / 2 - (0.1 + 0.4 + 0.1) / 3, s.discrimination(), EPS);
        // right side: 0.1/0, 0.4/0, 0.8/1 are; 0.35/1 is not
        assertEquals(4.0 / 5, s.rightSide(), EPS);
        assertEquals((5 * bs + 10 * 0.25) / 15, s.shrunkBrier(), EPS);
        double[] b = {0.01, 0.16, 0.4225, 0.04, 0.01};
        double ss = 0;
        for (double x : b) {
            ss += (x - bs) * (x - bs);
        }
        assertEquals(Math.sqrt(ss / 4) / Math.sqrt(5), s.brierStdError(), EPS);
        double mean = (0.1 + 0.4 + 0.35 + 0.8 + 0.1) / 5;
        double base = 0;
        for (ScoredForecast f : REFERENCE) {
            base += Rules.baselineScore(f.p(), f.o());
        }
        assertEquals(base / 5, s.baselineScore(), EPS);
        assertTrue(mean > 0);
    }

    @Test
    void calibrationBinsHoldMeansAndWilsonIntervals() {
        SetScore s = scorer.score(REFERENCE);
        // bins: [0.1,0.2): 0.1/0, 0.1/0 ; [0.3,0.4): 0.35/1 ; [0.4,0.5): 0.4/0 ; [0.8,0.9): 0.8/1
        assertEquals(4, s.calibration().size());
        SetScore.CalibrationBin first = s.calibration().get(0);
        assertEquals(0.1, first.binLow(), EPS);
        assertEquals(0.2, first.binHigh(), EPS);
        assertEquals(2, first.n());
        assertEquals(0.1, first.meanForecast(), EPS);
        assertEquals(0, first.observed(), EPS);
        double z = 1.959964;
        double z2 = z * z;
        double centre = (0 + z2 / 4) / (1 + z2 / 2);
        double half = z * Math.sqrt(0 + z2 / 16) / (1 + z2 / 2);
        assertEquals(centre - half, first.low(), EPS);
        assertEquals(centre + half, first.high(), EPS);
        assertEquals(0, first.low(), 1e-12);
        assertEquals(0.3, s.calibration().get(1).binLow(), EPS, "0.35 falls in [0.3, 0.4)");
        assertEquals(0.4, s.calibration().get(2).binLow(), EPS, "0.4 falls in [0.4, 0.5), not [0.3, 0.4)");
    }

    @Test
    void binEdgesAreExactForDecimalProbabilities() {
        assertEquals(3, Scorer.bin(0.3));
        assertEquals(7, Scorer.bin(0.7));
        assertEquals(6, Scorer.bin(0.6));
        assertEquals(9, Scorer.bin(0.999));
        assertEquals(0, Scorer.bin(0.001));
        assertEquals(9, Scorer.bin(1.0));
    }

    @Test
    void theDecompositionAddsUpWithItsRemainder() {
        SetScore s = scorer.score(REFERENCE);
        var d = s.decomposition();
        // bins (f_k, o_k, n_k): (0.1, 0, 2), (0.35, 1, 1), (0.4, 0, 1), (0.8, 1, 1); base rate 0.4
        double rel = (2 * 0.01 + 0.4225 + 0.16 + 0.04) / 5;
        double res = (2 * 0.16 + 0.36 + 0.16 + 0.36) / 5;
        assertEquals(rel, d.reliability(), EPS);
        assertEquals(res, d.resolution(), EPS);
        assertEquals(0.24, d.uncertainty(), EPS);
        assertEquals(0, d.remainder(), EPS, "every bin holds equal forecasts here");
        assertEquals(s.brier(), d.reliability() - d.resolution() + d.uncertainty() + d.remainder(), EPS);
    }

    @Test
    void propertiesHoldOnThousandsOfRandomSets() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + random.nextInt(60);
            List<ScoredForecast> set = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double p = 0.001 + random.nextDouble() * 0.998;
                double o = switch (random.nextInt(5)) {
                    case 0 -> random.nextDouble();      // partial credit
                    case 1, 2 -> 1;
                    default -> 0;
                };
                set.add(new ScoredForecast(p, o));
            }
            SetScore s = new Scorer(10, 200, 1).score(set);
            assertTrue(s.brier() >= 0 && s.brier() <= 1, "Brier in [0, 1]");
            assertTrue(s.logLoss() >= 0 && s.logLoss() <= -Math.log(0.001) + EPS, "log loss in [0, -ln 0.001]");
            var d = s.decomposition();
            assertEquals(s.brier(), d.reliability() - d.resolution() + d.uncertainty() + d.remainder(), 1e-12,
                    "REL - RES + UNC + remainder = BS");
            assertTrue(s.brierInterval().low() <= s.brierInterval().high());
            assertTrue(s.brierInterval().low() >= 0 && s.brierInterval().high() <= 1);
            assertTrue(s.rightSide() >= 0 && s.rightSide() <= 1);
            for (var bin : s.calibration()) {
                assertTrue(bin.low() >= -1e-12 && bin.high() <= 1 + 1e-12 && bin.low() <= bin.observed() + 1e-12
                        && bin.observed() <= bin.high() + 1e-12, "Wilson interval contains the observed frequency");
            }
        }
    }

    @Test
    void theRemainderIsZeroWhenEveryBinHoldsEqualForecasts() {
        Random random = new Random(11);
        double[] levels = {0.05, 0.15, 0.25, 0.35, 0.5, 0.65, 0.75, 0.85, 0.97};
        for (int trial = 0; trial < 500; trial++) {
            List<ScoredForecast> set = new ArrayList<>();
            int n = 1 + random.nextInt(80);
            for (int i = 0; i < n; i++) {
                set.add(new ScoredForecast(levels[random.nextInt(levels.length)], random.nextBoolean() ? 1 : 0));
            }
            assertEquals(0, scorer.score(set).decomposition().remainder(), 1e-12);
        }
    }

    @Test
    void theBootstrapIntervalIsIdenticalForIdenticalInputInAnyOrder() {
        List<ScoredForecast> shuffled = new ArrayList<>(REFERENCE);
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(scorer.score(REFERENCE).brierInterval(), scorer.score(REFERENCE).brierInterval());
        assertEquals(scorer.score(REFERENCE).brierInterval(), scorer.score(shuffled).brierInterval());
        var interval = scorer.score(REFERENCE).brierInterval();
        assertTrue(interval.low() < 0.1285 && 0.1285 < interval.high());
    }

    @Test
    void partialCreditIsScoredAsAnOutcomeBetweenZeroAndOne() {
        SetScore s = scorer.score(List.of(new ScoredForecast(0.75, 0.5)));
        assertEquals(0.0625, s.brier(), EPS);
        assertEquals(-(0.5 * Math.log(0.75) + 0.5 * Math.log(0.25)), s.logLoss(), EPS);
        assertNull(s.discrimination(), "partial credit is not a binary outcome");
        assertEquals(0.5, s.baseRate(), EPS);
        assertEquals(0, s.rightSide(), EPS, "neither o = 1 nor o = 0");
        assertNull(s.brierStdError(), "one forecast has no standard error");
    }

    @Test
    void bssBaseIsUndefinedWhenEveryOutcomeIsTheSame() {
        SetScore allTrue = scorer.score(set(new double[]{0.7, 0.9}, new double[]{1, 1}));
        assertNull(allTrue.bssBase());
        assertNull(allTrue.discrimination());
        assertNotNull(allTrue.bss50());
        assertEquals(0.5, scorer.score(set(new double[]{0.5}, new double[]{1})).rightSide(), EPS, "p = 0.5 counts 1/2");
    }

    @Test
    void anEmptySetHasNoFiguresButTheNeutralShrunkBrier() {
        SetScore s = scorer.score(List.of());
        assertEquals(0, s.scored());
        assertNull(s.brier());
        assertEquals(0.25, s.shrunkBrier(), EPS);
        assertTrue(s.calibration().isEmpty());
    }

    @Test
    void shrinkageKeepsThreeLuckyForecastsBelowFortyGoodOnes() {
        List<ScoredForecast> lucky = set(new double[]{0.9, 0.9, 0.9}, new double[]{1, 1, 1});
        List<ScoredForecast> steady = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            steady.add(new ScoredForecast(0.8, i < 36 ? 1 : 0));
        }
        SetScore a = scorer.score(lucky);
        SetScore b = scorer.score(steady);
        assertTrue(a.brier() < b.brier(), "raw Brier favours the lucky record");
        assertTrue(b.shrunkBrier() < a.shrunkBrier(), "shrunk Brier ranks the longer record first");
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ScoredForecast(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScoredForecast(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScoredForecast(0.5, 1.2));
        assertThrows(IllegalArgumentException.class, () -> new ScoredForecast(Double.NaN, 1));
    }

    @Test
    void logScoresClampExtremeProbabilities() {
        assertEquals(-Math.log(0.001), Rules.logLoss(0.0001, 1), EPS);
        assertEquals(-Math.log(0.001), Rules.logLoss(0.9999, 0), EPS);
    }
}
