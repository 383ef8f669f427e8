package org.hindcast.evidencefinder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence finder through {@code /api/papers/{slug}/evidence-proposals}: what it proposes (pending forecasts made
 * before the paper only), with offsets into the stored text, a stance and a reason; accepting makes evidence that
 * quotes the sentence with its offsets; rejecting is remembered; each for the roles the table gives.
 */
@QuarkusTest
public class EvidenceFinderApiTests {

    @Inject
    Ledger ledger;

    /** A forecast saying this, logged by the editor in the paper (its quote made from the statement). */
    public static long forecast(String paper, String theme, String statement, String madeOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paper", paper);
        body.put("statement", statement);
        body.put("quote", statement.replace(".", "") + " is expected.");
        body.put("probability", 0.7);
        body.put("probabilityBasis", "EDITOR");
        if (madeOn != null) {
            body.put("madeOn", madeOn);
        }
        body.put("resolveBy", "2026-12-31");
        body.put("resolveByBasis", "STATED");
        body.put("themes", List.of(theme));
        return as("editor").body(body).post("/api/forecasts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The finder's run on a paper's text once it has ended (it runs in the background after the text is stored). */
    public static Map<String, Object> finishedRun(String slug) {
        long until = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Response r = as("analyst").get("/api/papers/" + slug + "/evidence-proposals/last-run");
            assertEquals(200, r.statusCode(), r.asString());
            Map<String, Object> run = r.jsonPath().getMap("");
            if (!"QUEUED".equals(run.get("status")) && !"RUNNING".equals(run.get("status"))) {
                return run;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("the finder's run did not end in 120 s: " + run);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void theFinderProposesTheSentencesThatBearOnEarlierPendingForecastsAndAnAnalystAcceptsOrRejectsThem() {
        Staff.ensure();
        String word = Ledger.unique("zq").replaceAll("[^a-z]", "");
        String theme = Ledger.theme("Finder theme");
        String earlier = Ledger.paper("2024-02-01", "Finder Early Author " + Ledger.unique("e"));
        String later = Ledger.paper("2025-11-13", "Finder Late Author " + Ledger.unique("l"));
        String after = Ledger.paper("2025-12-01", "Finder After Author " + Ledger.unique("a"));
        long visit = forecast(earlier, theme, "Xi Jinping makes a state visit to Gyeongju for the " + word + " summit.", null);
        long tariffs = forecast(earlier, theme, "Washington raises " + word + " tariffs on Seoul's exports.", null);
        long resolved = forecast(earlier, theme, "Xi Jinping attends the " + word + " summit in Gyeongju.", null);
        as("reviewer").body(Map.of("outcome", "TRUE", "resolvedOn", "2025-11-01", "rationale", "Settled elsewhere.",
                "forecastVersion", anonymous().get("/api/forecasts/" + resolved).jsonPath().getInt("version")))
                .post("/api/forecasts/" + resolved + "/resolutions").then().statusCode(201);
        long tooLate = forecast(after, theme, "Xi Jinping makes another state visit to Gyeongju for the " + word + " summit.", null);
        String text = "The weather was mild that autumn.\n\nOn October 30, Xi Jinping made a state visit to Gyeongju for the "
                + word + " summit.\n\nWashington did not raise its " + word + " tariffs on Seoul's exports this year.\n\n"
                + "Observers discussed many other things at length.";
        Response none = as("analyst").get("/api/papers/" + later + "/evidence-proposals/last-run");
        assertEquals(404, none.statusCode(), "no text, no run: " + none.asString());
        assertEquals("application/problem+json", none.contentType());
        as("editor").contentType("text/plain; charset=UTF-8").body(text).post("/api/papers/" + later + "/text").then().statusCode(200);
        Map<String, Object> run = finishedRun(later);

        assertEquals(401, anonymous().get("/api/papers/" + later + "/evidence-proposals").statusCode());
        Response found = as("analyst").get("/api/papers/" + later + "/evidence-proposals");
        assertEquals(200, found.statusCode(), found.asString());
        assertEquals("DONE", run.get("status"), "the finder ran when the text was attached: " + run);
        assertEquals(found.jsonPath().getInt("total"), run.get("proposals"), "the run found what the finder finds on demand");
        assertEquals(found.jsonPath().getInt("forecastsRead"), run.get("forecastsRead"));
        assertEquals("words and meaning", run.get("ranking"));
        assertEquals("words and meaning", found.jsonPath().getString("ranking"));
        List<Map<String, Object>> proposals = found.jsonPath().getList("proposals");
        List<Long> forecasts = proposals.stream().map(p -> ((Number) p.get("forecastId")).longValue()).toList();
        assertTrue(forecasts.contains(visit) && forecasts.contains(tariffs), found.asString());
        assertFalse(forecasts.contains(resolved), "a resolved forecast is not proposed");
        assertFalse(forecasts.contains(tooLate), "a forecast made after the paper is not proposed");
        Map<String, Object> forVisit = proposals.stream().filter(p -> ((Number) p.get("forecastId")).longValue() == visit).findFirst().orElseThrow();
        String sentence = "On October 30, Xi Jinping made a state visit to Gyeongju for the " + word + " summit.";
        assertEquals(sentence, forVisit.get("sentence"), "the best sentence for the visit");
        int start = (Integer) forVisit.get("start");
        int end = (Integer) forVisit.get("end");
        assertEquals(sentence, text.substring(start, end), "offsets into the stored text");
        assertEquals("SUPPORTS", forVisit.get("stance"));
        assertTrue(((String) forVisit.get("reason")).contains("gyeongju"), forVisit.get("reason").toString());
        Map<String, Object> forTariffs = proposals.stream().filter(p -> ((Number) p.get("forecastId")).longValue() == tariffs).findFirst().orElseThrow();
        assertEquals("REFUTES", forTariffs.get("stance"), "'did not raise' against 'raises'");

        // rejected: remembered, not proposed again
        assertEquals(403, as("editor").body(Map.of("forecastId", tariffs, "start", forTariffs.get("start"), "end", forTariffs.get("end")))
                .post("/api/papers/" + later + "/evidence-proposals/reject").statusCode());
        as("analyst").body(Map.of("forecastId", tariffs, "start", forTariffs.get("start"), "end", forTariffs.get("end")))
                .post("/api/papers/" + later + "/evidence-proposals/reject").then().statusCode(204);
        // accepted: evidence that quotes the sentence, with its offsets
        Response accepted = as("analyst").body(Map.of("forecastId", visit, "start", start, "end", end))
                .post("/api/papers/" + later + "/evidence-proposals/accept");
        assertEquals(201, accepted.statusCode(), accepted.asString());
        assertEquals(sentence, accepted.jsonPath().getString("quote"));
        assertEquals(start, accepted.jsonPath().getInt("quoteStart"));
        assertEquals(end, accepted.jsonPath().getInt("quoteEnd"));
        assertEquals(later, accepted.jsonPath().getString("citedPaper"));
        assertEquals("SUPPORTS", accepted.jsonPath().getString("stance"));
        assertEquals("2025-11-13", accepted.jsonPath().getString("observedOn"));
        List<Map<String, Object>> remaining = as("analyst").get("/api/papers/" + later + "/evidence-proposals").jsonPath().getList("proposals");
        assertFalse(remaining.stream().anyMatch(p -> ((Number) p.get("forecastId")).longValue() == tariffs
                && p.get("start").equals(forTariffs.get("start"))), "the rejected one is gone");
        assertFalse(remaining.stream().anyMatch(p -> ((Number) p.get("forecastId")).longValue() == visit
                && p.get("start").equals(start)), "the accepted one is evidence now");
        // a sentence that is not one: refused, nothing written
        var before = ledger.counts();
        Response wrong = as("analyst").body(Map.of("forecastId", visit, "start", start + 1, "end", end))
                .post("/api/papers/" + later + "/evidence-proposals/accept");
        assertEquals(400, wrong.statusCode(), wrong.asString());
        assertEquals("application/problem+json", wrong.contentType());
        assertEquals(before, ledger.counts());
    }

    @Inject
    FinderRuns runs;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void aRunCutOffByAStopIsRunAgainWhenTheServiceStarts() throws Exception {
        Staff.ensure();
        String paper = Ledger.paper("2025-10-01", "Finder Restart Author " + Ledger.unique("s"));
        as("editor").contentType("text/plain; charset=UTF-8").body("Xi Jinping visited Gyeongju for the summit.\n\nNothing else happened.")
                .post("/api/papers/" + paper + "/text").then().statusCode(200);
        Map<String, Object> first = finishedRun(paper);
        assertEquals("DONE", first.get("status"));
        // as a stop in the middle of a run leaves it
        try (var c = dataSource.getConnection(); var st = c.prepareStatement("""
                update evidence_finder_run set status = 'RUNNING', finished_at = null, proposals = null, forecasts_read = null
                where paper_id = (select id from paper where slug = ?)""")) {
            st.setString(1, paper);
            assertEquals(1, st.executeUpdate());
        }
        assertEquals("RUNNING", as("analyst").get("/api/papers/" + paper + "/evidence-proposals/last-run").jsonPath().getString("status"));
        assertTrue(runs.resume() >= 1, "queued again at start");
        Map<String, Object> again = finishedRun(paper);
        assertEquals("DONE", again.get("status"), "run again, not left RUNNING: " + again);
        assertEquals(first.get("proposals"), again.get("proposals"));
    }
}
