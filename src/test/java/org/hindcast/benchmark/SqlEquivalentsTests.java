package org.hindcast.benchmark;

import org.hindcast.forecasts.ForecastService;
import org.hindcast.trackrecords.LeaderboardService;
import org.hindcast.trackrecords.ScoredRows;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's pgbench scripts are the service's own statements with their parameters written in. */
class SqlEquivalentsTests {

    @Test
    void theTrackRecordScriptIsTheServicesStatementsWithTheirParametersWrittenIn() {
        String script = SqlEquivalents.trackRecord("o'brien", 42, List.of(7L, 9L));
        assertTrue(script.contains(ScoredRows.AUTHOR_FORECASTS.replace("?1", "42")), script);
        assertTrue(script.contains(ScoredRows.THEMES_OF_FORECASTS.replace("?1", "'{7,9}'")), script);
        assertTrue(script.contains(ScoredRows.THEME_TREE), script);
        assertTrue(script.contains(ScoredRows.ATTRIBUTED_IN_PAPERS_OF.replace("?1", "42")), script);
        assertTrue(script.contains("where slug = 'o''brien'"), "a quote in a slug is escaped: " + script);
        assertEquals(5, script.lines().count());
    }

    @Test
    void theAuthorPageAndLeaderboardScriptsUseTheServicesOwnStrings() {
        String page = SqlEquivalents.authorPage("a", 3, List.of(1L), List.of(1L), List.of());
        assertTrue(page.contains(SqlEquivalents.inline(ForecastService.authorPageSql(true), 3, 200, 0)), page);
        assertTrue(page.contains(SqlEquivalents.inline(ForecastService.authorCountSql(false), 3)), page);
        String board = SqlEquivalents.leaderboard();
        assertTrue(board.contains(LeaderboardService.pageSql(false).replace(":k", "10").replace(":minN", "1")
                .replace(":limit", "50").replace(":offset", "0")), board);
        assertThrows(IllegalArgumentException.class, () -> SqlEquivalents.named("select :missing", Map.of()));
    }
}
