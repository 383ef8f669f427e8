package org.hindcast.trust;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.PageSession;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.hindcast.testing.Staff.anonymous;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff pages' forms as the API's doors are tried: every form refuses readers, the wrong roles and a
 * missing or forged form token; and hundreds of generated hostile submissions, each with at least one value
 * that must be refused, are answered with the form again (HTML, 4xx), never a server error and never a save.
 * The ledger, audit log included, is exactly as before. The seed is fixed.
 */
@QuarkusTest
class PageFormTests {

    private static final String[] NOISE = {"'; drop table forecast; --", "<script>alert(1)</script>", "\u202eevil\u202c",
            "zero\u200bwidth", "emoji \ud83d\ude00", "%00", "${jndi:ldap://x}", "{{7*7}}", "a\u0000b", "Ω≈ç√∫˜µ≤≥÷", "{#if}x{/if}"};

    /** Fields whose value has a form (dates, choices, numbers): a malformed value there must be refused. */
    private static final java.util.Set<String> TYPED = java.util.Set.of("published", "observedOn", "resolvedOn", "resolveBy",
            "stance", "outcome", "resolveByBasis", "forecastVersion", "version", "start", "end", "forecastId");

    @Inject
    Ledger ledger;

    record Form(String path, String role, String user, Map<String, String> fields, List<String> required) {
    }

    /** What the admin forms act on: an account and an author made for the test, and their current versions. */
    record Targets(String account, long accountVersion, String author, long authorVersion, String withText, int sentenceEnd) {
        static final String SENTENCE = "Something was done in the end.";

        static Targets make(String paper) {
            String withText = Ledger.paper("2026-06-01", "Page Form Later Author " + Ledger.unique("t"));
            as("editor").contentType("text/plain; charset=UTF-8").body(SENTENCE + "\n\nAnother sentence follows here.")
                    .post("/api/papers/" + withText + "/text").then().statusCode(200);
            String account = Ledger.unique("fuzz-account");
            as("admin").body(Map.of("username", account, "displayName", "Fuzz account", "password", Staff.PASSWORD,
                    "roles", List.of("ANALYST"))).post("/api/users").then().statusCode(201);
            long accountVersion = as("admin").get("/api/users/" + account).jsonPath().getLong("version");
            String author = anonymous().get("/api/sources/" + paper).jsonPath().getString("authors[0].slug");
            long authorVersion = anonymous().get("/api/authors/" + author).jsonPath().getLong("version");
            return new Targets(account, accountVersion, author, authorVersion, withText, SENTENCE.length());
        }
    }

    private List<Form> forms(String paper, String theme, long forecast, long version, Targets t) {
        Map<String, String> paperForm = new LinkedHashMap<>(Map.of("title", "T", "publisher", "P", "published", "2024-05-01",
                "authors", "Fuzz Page Person"));
        Map<String, String> forecastForm = new LinkedHashMap<>(Map.of("paper", paper, "statement", "S",
                "quote", "Q is expected to happen", "phrase", "is expected to", "resolveBy", "2027-01-01",
                "resolveByBasis", "STATED", "themes", theme, "speaker", "AUTHORS"));
        return List.of(
                new Form("/staff/papers", "EDITOR", "editor", paperForm, List.of("title", "publisher", "published", "authors")),
                new Form("/staff/forecasts", "EDITOR", "editor", forecastForm,
                        List.of("paper", "statement", "quote", "resolveBy", "resolveByBasis", "themes")),
                new Form("/staff/forecasts/" + forecast + "/evidence", "ANALYST", "analyst", new LinkedHashMap<>(Map.of(
                        "summary", "E", "observedOn", "2025-01-01", "citationUrl", "https://example.org", "stance", "SUPPORTS")),
                        List.of("summary", "observedOn", "stance")),
                new Form("/staff/forecasts/" + forecast + "/resolve", "REVIEWER", "reviewer", new LinkedHashMap<>(Map.of(
                        "forecastVersion", Long.toString(version), "outcome", "TRUE", "resolvedOn", "2025-01-01", "rationale", "R")),
                        List.of("forecastVersion", "outcome", "resolvedOn", "rationale")),
                new Form("/staff/forecasts/" + forecast + "/correct", "EDITOR", "editor2", new LinkedHashMap<>(Map.of(
                        "version", Long.toString(version), "statement", "S2", "reason", "R")), List.of("version", "reason")),
                new Form("/staff/forecasts/" + forecast + "/withdraw", "EDITOR", "editor2", new LinkedHashMap<>(Map.of(
                        "version", Long.toString(version), "reason", "R")), List.of("version", "reason")),
                new Form("/staff/papers/" + paper + "/text", "EDITOR", "editor", new LinkedHashMap<>(Map.of("text", " ")),
                        List.of("text")),
                new Form("/staff/papers/" + paper + "/candidates/reject", "EDITOR", "editor", new LinkedHashMap<>(Map.of(
                        "start", "0", "end", "10")), List.of("start", "end")),
                new Form("/staff/papers/from-web", "EDITOR", "editor", new LinkedHashMap<>(Map.of("url", "http://127.0.0.1:9/none",
                        "title", "T", "publisher", "P", "published", "2024-05-01", "authors", "Fuzz Web Person")), List.of("url")),
                new Form("/staff/papers/" + t.withText() + "/evidence/accept", "ANALYST", "analyst", new LinkedHashMap<>(Map.of(
                        "forecastId", Long.toString(forecast), "start", "0", "end", Integer.toString(t.sentenceEnd()), "stance", "SUPPORTS")),
                        List.of("forecastId", "start", "end", "stance")),
                new Form("/staff/papers/" + t.withText() + "/evidence/reject", "ANALYST", "analyst", new LinkedHashMap<>(Map.of(
                        "forecastId", Long.toString(forecast), "start", "0", "end", Integer.toString(t.sentenceEnd()))),
                        List.of("forecastId", "start", "end")),
                new Form("/staff/admin/users", "ADMIN", "admin", new LinkedHashMap<>(Map.of("username", "fuzz-new-account",
                        "displayName", "New", "password", "a long enough passphrase", "roles", "EDITOR")),
                        List.of("username", "displayName", "password")),
                new Form("/staff/admin/users/" + t.account(), "ADMIN", "admin", new LinkedHashMap<>(Map.of(
                        "version", Long.toString(t.accountVersion()), "displayName", "Renamed", "roles", "REVIEWER",
                        "enabled", "on", "password", "")), List.of("version", "displayName")),
                new Form("/staff/admin/users/" + t.account() + "/unlock", "ADMIN", "admin", new LinkedHashMap<>(), List.of()),
                new Form("/staff/admin/authors/" + t.author(), "EDITOR", "editor", new LinkedHashMap<>(Map.of(
                        "version", Long.toString(t.authorVersion()), "displayName", "Renamed Person", "affiliation", "Somewhere")),
                        List.of("version", "displayName")),
                new Form("/staff/admin/authors/" + t.author() + "/aliases", "EDITOR", "editor", new LinkedHashMap<>(Map.of(
                        "alias", "Another Spelling")), List.of("alias")),
                new Form("/staff/admin/authors/" + t.author() + "/merge", "ADMIN", "admin", new LinkedHashMap<>(Map.of(
                        "into", "Lee Dong-gyu")), List.of("into")));
    }

    /** Someone signed in with a role other than the form's. */
    private static final Map<String, String> SOMEONE_ELSE = Map.of("EDITOR", "analyst", "ANALYST", "reviewer",
            "REVIEWER", "editor", "ADMIN", "editor");

    /** Every table as before; the audit log grew by the test's own sign-ins and nothing else. */
    private void assertUnchangedButSignIns(Map<String, Long> before) {
        Map<String, Long> after = new HashMap<>(ledger.counts());
        Map<String, Long> expected = new HashMap<>(before);
        long audited = after.remove("audit_entry") - expected.remove("audit_entry");
        assertEquals(expected, after, "nothing written");
        long signIns = ((Number) ledger.scalar("select count(*) from (select * from audit_entry order by id desc limit ?) last "
                + "where action like 'sign-in%'", audited)).longValue();
        assertEquals(audited, signIns, "the only new audit entries are sign-ins");
    }

    private static PageSession signedIn(String user) {
        PageSession s = PageSession.reader();
        assertEquals(303, s.signIn(user, user.equals("admin") ? Staff.ADMIN_PASSWORD : Staff.PASSWORD).statusCode(), user);
        return s;
    }

    @Test
    void everyStaffFormRefusesReadersTheWrongRoleAndAMissingOrForgedToken() {
        Staff.ensure();
        String theme = Ledger.theme("Page form theme");
        String paper = Ledger.paper("2024-05-01", "Page Form Author " + Ledger.unique("p"));
        long forecast = Ledger.forecast(paper, theme, 0.6, "2026-01-01", "editor");
        int version = anonymous().get("/api/forecasts/" + forecast).jsonPath().getInt("version");
        Targets targets = Targets.make(paper);
        var before = ledger.counts();
        List<String> failures = new ArrayList<>();
        for (Form f : forms(paper, theme, forecast, version, targets)) {
            Map<String, String> valid = new HashMap<>(f.fields());
            if (f.path().endsWith("/text")) {
                valid.put("text", "China is likely to act.");
            }
            Response reader = PageSession.reader().post(f.path(), valid);
            if (reader.statusCode() != 303 || !reader.getHeader("Location").contains("/login")) {
                failures.add("reader " + f.path() + " -> " + reader.statusCode());
            }
            Response wrongRole = signedIn(SOMEONE_ELSE.get(f.role())).post(f.path(), valid);
            if (wrongRole.statusCode() != 403) {
                failures.add(SOMEONE_ELSE.get(f.role()) + " " + f.path() + " -> " + wrongRole.statusCode());
            }
            PageSession right = signedIn(f.user());
            for (String token : new String[]{null, "forged-token"}) {
                var spec = right.request().contentType("application/x-www-form-urlencoded");
                if (token != null) {
                    spec.formParam("csrf", token);
                }
                valid.forEach(spec::formParam);
                int status = spec.post(f.path()).statusCode();
                if (status != 403) {
                    failures.add(f.user() + " " + f.path() + " with " + (token == null ? "no token" : "a forged token") + " -> " + status);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertUnchangedButSignIns(before);
    }

    @Test
    void thePdfUploadRefusesReadersTheWrongRoleAndAMissingOrForgedToken() {
        Staff.ensure();
        String paper = Ledger.paper("2024-05-01", "Upload Form Author " + Ledger.unique("p"));
        byte[] pdf = "%PDF-1.7 not read: refused before".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var before = ledger.counts();
        List<String> failures = new ArrayList<>();
        java.util.function.BiFunction<PageSession, String, Response> upload = (session, token) -> {
            var spec = session.request().multiPart("file", "paper.pdf", pdf, "application/pdf");
            if (token != null) {
                spec.multiPart("csrf", token);
            }
            return spec.post("/staff/papers/" + paper + "/pdf");
        };
        PageSession reader = PageSession.reader();
        reader.get("/login");
        Response asReader = upload.apply(reader, "whatever");
        if (asReader.statusCode() != 303 || !asReader.getHeader("Location").contains("/login")) {
            failures.add("reader -> " + asReader.statusCode());
        }
        Response asAnalyst = upload.apply(signedIn("analyst"), "whatever");
        if (asAnalyst.statusCode() != 403) {
            failures.add("analyst -> " + asAnalyst.statusCode());
        }
        PageSession editor = signedIn("editor");
        for (String token : new String[]{null, "forged-token"}) {
            int status = upload.apply(editor, token).statusCode();
            if (status != 403) {
                failures.add("editor with " + (token == null ? "no token" : "a forged token") + " -> " + status);
            }
        }
        assertEquals(List.of(), failures);
        assertUnchangedButSignIns(before);
    }

    @Test
    void hundredsOfHostileFormSubmissionsAreAnsweredWithTheFormAndChangeNothing() {
        Staff.ensure();
        String theme = Ledger.theme("Page fuzz theme");
        String paper = Ledger.paper("2024-05-01", "Page Fuzz Author " + Ledger.unique("p"));
        long forecast = Ledger.forecast(paper, theme, 0.6, "2026-01-01", "editor");
        // a stale version in the templates: a resolution or correction could only pass by a bug
        int version = anonymous().get("/api/forecasts/" + forecast).jsonPath().getInt("version");
        as("editor2").body(Map.of("version", version, "reason", "Make the page's version stale.", "statement", "Newer"))
                .post("/api/forecasts/" + forecast + "/corrections").then().statusCode(200);
        // the same for the account and the author the admin forms change
        Targets targets = Targets.make(paper);
        as("admin").body(Map.of("version", targets.accountVersion(), "displayName", "Fuzz account, renamed"))
                .patch("/api/users/" + targets.account()).then().statusCode(200);
        as("editor").body(Map.of("version", targets.authorVersion(), "affiliation", "Fuzz Institute"))
                .patch("/api/authors/" + targets.author()).then().statusCode(200);
        Map<String, PageSession> sessions = new HashMap<>();
        var before = ledger.counts();
        Random r = new Random(20261124L);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Form f : forms(paper, theme, forecast, version, targets)) {
            if (f.required().isEmpty()) {
                continue;
            }
            PageSession session = sessions.computeIfAbsent(f.user(), PageFormTests::signedIn);
            for (int i = 0; i < 40; i++) {
                Map<String, String> body = new HashMap<>(f.fields());
                for (String key : new ArrayList<>(body.keySet())) {
                    if (r.nextInt(3) == 0 && !f.required().contains(key)) {
                        body.put(key, NOISE[r.nextInt(NOISE.length)]);
                    }
                }
                String field = f.required().get(r.nextInt(f.required().size()));
                boolean typed = TYPED.contains(field);
                switch (r.nextInt(typed ? 6 : 5)) {
                    case 0 -> body.remove(field);
                    case 1 -> body.put(field, "");
                    case 2 -> body.put(field, "x".repeat(5_000 + r.nextInt(60_000)));
                    case 3 -> body.put(field, NOISE[r.nextInt(NOISE.length)] + "\u0000 inside");
                    case 4 -> body.put(field, "   ");
                    default -> body.put(field, new String[]{"2024-02-30", "yesterday", "-1", "1e309", "MAYBE", "NaN"}[r.nextInt(6)]);
                }
                if (f.path().endsWith("/text")) {
                    body.put("text", r.nextBoolean() ? "" : " \n\t ");
                }
                if (f.path().endsWith("/resolve") || f.path().endsWith("/correct") || f.path().endsWith("/withdraw")) {
                    // whatever else happens, the version is stale
                    body.put(f.path().endsWith("/resolve") ? "forecastVersion" : "version", Integer.toString(version));
                }
                Response response = session.post(f.path(), body);
                sent++;
                int status = response.statusCode();
                String type = response.contentType() == null ? "" : response.contentType();
                if (status >= 500 || status < 400) {
                    failures.add(f.path() + " -> " + status + " " + response.getHeader("Location") + " for " + field + "="
                            + String.valueOf(body.get(field)).substring(0, Math.min(30, String.valueOf(body.get(field)).length())));
                } else if (!type.startsWith("text/html")) {
                    failures.add(f.path() + " -> " + status + " as " + type + ": " + response.asString());
                }
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " of " + sent + " misbehaved");
        assertUnchangedButSignIns(before);
        assertTrue(sent >= 16 * 40, sent + " submissions");
        System.out.println("page fuzz: " + sent + " hostile form submissions, none answered 5xx or saved");
    }
}
