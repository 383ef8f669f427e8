package org.hindcast.web.pages;

import org.hindcast.common.Text;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.hindcast.evidence.EvidenceService;
import org.hindcast.evidence.Stance;
import org.hindcast.forecasts.CorrectionProposal;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastInput;
import org.hindcast.forecasts.ForecastService;
import org.hindcast.web.ForecastView;
import org.hindcast.forecasts.ProbabilityBasis;
import org.hindcast.forecasts.ResolveByBasis;
import org.hindcast.forecasts.Speaker;
import org.hindcast.papers.Paper;
import org.hindcast.web.api.PaperResource;
import org.hindcast.papers.PaperService;
import org.hindcast.papers.PaperView;
import org.hindcast.phrases.PhraseTables;
import org.hindcast.problems.ApiException;
import org.hindcast.resolutions.Outcome;
import org.hindcast.resolutions.ResolutionService;
import org.hindcast.themes.ThemeService;
import org.hindcast.users.Role;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff's working screens: add a paper, log a forecast, attach evidence, resolve, correct. The same
 * services and role rules as the API; errors come back next to their fields with the input kept.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

    @Inject
    org.hindcast.forecasts.SameEvent sameEvent;

    @Inject
    PageContext page;

    @Inject
    Viewer viewer;

    @Inject
    Csrf csrf;

    @Inject
    PageErrors errors;

    @Inject
    Validator validator;

    @Inject
    PaperService papers;

    @Inject
    ForecastService forecasts;

    @Inject
    org.hindcast.forecasts.CorrectionProposals proposals;

    @Inject
    EvidenceService evidence;

    @Inject
    ResolutionService resolutions;

    @Inject
    ThemeService themes;

    @Inject
    PhraseTables phraseTables;

    @Inject
    org.hindcast.extraction.ExtractionService extraction;

    @Location("pages/paper-form.html")
    Template paperForm;

    @Location("pages/forecast-form.html")
    Template forecastForm;

    @Location("pages/evidence-form.html")
    Template evidenceForm;

    @Location("pages/resolve-form.html")
    Template resolveForm;

    @Location("pages/correct-form.html")
    Template correctForm;

    @Location("pages/withdraw-form.html")
    Template withdrawForm;

    @Location("pages/reject-form.html")
    Template rejectForm;

    // ---------------------------------------------------------------- papers

    @GET
    @Path("staff/papers/new")
    public Response newPaper() {
        viewer.require(Role.EDITOR, "/staff/papers/new");
        return html(paperForm(Map.of("language", "en"), Map.of()));
    }

    private TemplateInstance paperForm(Map<String, String> values, Map<String, String> fieldErrors) {
        return page.with(paperForm, "Add a paper").data("v", values).data("e", fieldErrors);
    }

    @POST
    @Path("staff/papers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createPaper(MultivaluedMap<String, String> form) {
        viewer.require(Role.EDITOR, "/staff/papers/new");
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = values(form, "slug", "title", "publisher", "series", "url", "published", "language", "authors", "note",
                "newAuthors");
        boolean newPeople = "on".equals(v.get("newAuthors"));
        List<PaperResource.PrintedAuthorInput> authors = Arrays.stream(v.get("authors").split("\\R"))
                .map(String::trim).filter(s -> !s.isEmpty()).map(n -> new PaperResource.PrintedAuthorInput(null, n, null, newPeople)).toList();
        var input = new PaperResource.NewPaper(Text.blankToNull(v.get("slug")), v.get("title"), v.get("publisher"), Text.blankToNull(v.get("series")),
                Text.blankToNull(v.get("url")), v.get("published"), Text.blankToNull(v.get("language")), authors, Text.blankToNull(v.get("note")), null);
        Map<String, String> fieldErrors = FormErrors.of(validator.validate(input));
        if (fieldErrors.isEmpty()) {
            try {
                Paper p = papers.create(viewer.name(), new PaperService.PaperFields(input.slug(), input.title(), input.publisher(),
                        input.series(), input.url(), input.published(), input.language() == null ? "en" : input.language(),
                        authors.stream().map(a -> new PaperService.PrintedAuthor(null, a.name(), null, newPeople)).toList(), input.note(), null));
                return Response.seeOther(Flash.to("/papers/" + p.slug, "paper-added")).build();
            } catch (ApiException e) {
                fieldErrors = FormErrors.of(e);
            } catch (ConstraintViolationException e) {
                fieldErrors = FormErrors.of(e);
            }
        }
        return html(paperForm(v, fieldErrors), 400);
    }

    // ---------------------------------------------------------------- forecasts

    @GET
    @Path("staff/forecasts/new")
    public Response newForecast(@QueryParam("paper") String paperSlug, @QueryParam("start") Integer start,
                                @QueryParam("end") Integer end) {
        viewer.require(Role.EDITOR, "/staff/forecasts/new" + (paperSlug == null ? "" : "?paper=" + paperSlug));
        Map<String, String> v = new HashMap<>();
        v.put("paper", paperSlug == null ? "" : paperSlug);
        v.put("fixed", paperSlug == null ? "" : "1");
        v.put("resolveByBasis", "STATED");
        v.put("probabilityBasis", "PHRASE_TABLE");
        if (paperSlug != null && start != null && end != null) {
            // Accepting a candidate of the extraction assistant: the form starts from what it proposed.
            var candidate = extraction.candidates(paperSlug).stream().filter(c -> c.start() == start && c.end() == end)
                    .findFirst().orElseThrow(() -> new PageException(404, "That candidate is no longer open."));
            v.put("start", start.toString());
            v.put("end", end.toString());
            v.put("quote", candidate.sentence());
            v.put("statement", candidate.sentence());
            v.put("phrase", candidate.phrase());
            if (candidate.printed()) {
                // the paper prints its number: that is the probability, not the phrase table's
                v.put("probability", Double.toString(candidate.probability()));
                v.put("probabilityBasis", "PRINTED");
            } else if (candidate.editorial()) {
                // no phrase of the table carries it: the editors' probability, starting from the rules' reading
                v.put("probability", Double.toString(candidate.probability()));
                v.put("probabilityBasis", "EDITOR");
            }
            v.put("resolveBy", candidate.resolveBy().toString());
            v.put("resolveByBasis", candidate.resolveByBasis());
            v.put("resolveByNote", candidate.resolveByBasis().equals("STATED") ? "" : candidate.resolveByNote());
            var names = themes.list().stream().collect(java.util.stream.Collectors.toMap(t -> t.slug, t -> t.name));
            v.put("themes", candidate.themes().stream().map(slug -> names.getOrDefault(slug, slug))
                    .collect(java.util.stream.Collectors.joining(",")));
            if (candidate.conditional()) {
                v.put("condition", candidate.condition());
            }
            if (candidate.attributed()) {
                v.put("speaker", "THIRD_PARTY");
                v.put("thirdParty", candidate.attributedTo());
            }
        }
        return html(forecastForm(v, Map.of(), null));
    }

    /**
     * The form names its paper one of two ways: fixed by the link it was opened from ("Log a forecast in this paper",
     * accepting a candidate), shown and sent as is; or typed, any paper of the ledger, the newest suggested. A list
     * of choices is never cut short, so no paper is ever picked because the right one was not in it.
     */
    private TemplateInstance forecastForm(Map<String, String> values, Map<String, String> fieldErrors, String suggestion) {
        return forecastForm(values, fieldErrors, suggestion, ThemeSlot.of(values.getOrDefault("themes", ""), List.of()));
    }

    private TemplateInstance forecastForm(Map<String, String> values, Map<String, String> fieldErrors, String suggestion,
                                          List<ThemeSlot> themeSlots) {
        PaperView fixed = null;
        if ("1".equals(values.get("fixed")) && !values.getOrDefault("paper", "").isBlank()) {
            fixed = Paper.findBySlug(values.get("paper")).map(PaperView::of)
                    .orElseThrow(() -> new PageException(404, "No paper '" + values.get("paper") + "'."));
        }
        return page.with(forecastForm, "Log a forecast").data("v", values).data("e", fieldErrors).data("fixedPaper", fixed)
                .data("themes", themes.list()).data("table", phraseTables.current()).data("suggestion", suggestion)
                .data("themeSlots", themeSlots)
                .data("probabilityBases", ProbabilityBasis.values()).data("resolveByBases", ResolveByBasis.values());
    }

    /**
     * One of the form's theme fields: what was typed (a theme's name or slug), and when it named no single theme,
     * why and the themes it could mean. The form shows the ones filled and one or more empty ones.
     */
    public record ThemeSlot(String typed, String error, List<Choosers.Option> options) {
        static final int AT_LEAST = 3;

        /** Slots for what was typed (separated by the form's own fields, or commas when carried in one value). */
        static List<ThemeSlot> of(String commaSeparated, List<Choosers.Choice> choices) {
            List<ThemeSlot> slots = new ArrayList<>();
            if (!choices.isEmpty()) {
                choices.forEach(c -> slots.add(new ThemeSlot(c.typed(), c.error(), c.options())));
            } else {
                for (String t : commaSeparated.split(",")) {
                    if (!t.isBlank()) {
                        slots.add(new ThemeSlot(t.trim(), null, List.of()));
                    }
                }
            }
            while (slots.size() < AT_LEAST || !slots.get(slots.size() - 1).typed().isEmpty()) {
                slots.add(new ThemeSlot("", null, List.of()));
            }
            return slots;
        }
    }

    @POST
    @Path("staff/forecasts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createForecast(MultivaluedMap<String, String> form) {
        viewer.require(Role.EDITOR, "/staff/forecasts/new");
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = values(form, "paper", "statement", "quote", "speaker", "thirdParty", "condition", "phrase",
                "probability", "probabilityBasis", "madeOn", "resolveBy", "resolveByBasis", "resolveByNote", "resolutionCriteria",
                "start", "end", "fixed", "sameQuoteAs");
        // Each theme field names one theme by its name or slug, as typed; the ones that name no single theme are
        // refused by their field, with the themes they could mean.
        List<Choosers.Choice> themeChoices = form.getOrDefault("themes", List.of()).stream().filter(t -> t != null && !t.isBlank())
                .map(choosers::theme).toList();
        List<String> themeSlugs = themeChoices.stream().filter(c -> c.slug() != null).map(Choosers.Choice::slug).toList();
        List<ThemeSlot> themeSlots = ThemeSlot.of("", themeChoices);
        v.put("themes", themeChoices.stream().map(Choosers.Choice::typed).collect(java.util.stream.Collectors.joining(",")));
        Map<String, List<Choosers.Option>> options = new HashMap<>();
        Map<String, String> choiceErrors = new LinkedHashMap<>();
        themeChoices.stream().filter(c -> c.error() != null).findFirst()
                .ifPresent(c -> choiceErrors.put("themes", "a theme field names no single theme: " + c.error()));
        String paperSlug = chosen("paper", choosers.paper(v.get("paper")), choiceErrors, options);
        if ("suggest".equals(form.getFirst("action"))) {
            // Without JavaScript: the phrase table's reading of the phrase, shown and filled in, nothing saved.
            var match = phraseTables.current().find(v.get("phrase").isBlank() ? v.get("quote") : v.get("phrase"));
            String suggestion = match.map(m -> "'" + m.matched() + "' reads as '" + m.entry().phrase() + "': "
                    + Math.round(m.probability() * 100) + "% (band " + Math.round(m.entry().low() * 100) + "-"
                    + Math.round(m.entry().high() * 100) + "%, phrase table " + m.version() + ")").orElse("No phrase of the table found.");
            match.ifPresent(m -> {
                v.put("phrase", m.matched());
                v.put("probabilityBasis", "PHRASE_TABLE");
                v.put("probability", "");
            });
            return html(forecastForm(v, Map.of(), suggestion, themeSlots));
        }
        Map<String, String> fieldErrors = new LinkedHashMap<>(choiceErrors);
        Double probability = parseProbability(v.get("probability"), fieldErrors);
        LocalDate madeOn = parseDate("madeOn", v.get("madeOn"), fieldErrors, false);
        LocalDate resolveBy = parseDate("resolveBy", v.get("resolveBy"), fieldErrors, true);
        ProbabilityBasis basis = probability == null ? ProbabilityBasis.PHRASE_TABLE
                : choice(ProbabilityBasis.class, "probabilityBasis", v.get("probabilityBasis"), fieldErrors);
        Speaker speaker = choice(Speaker.class, "speaker", v.get("speaker"), fieldErrors);
        ResolveByBasis resolveByBasis = choice(ResolveByBasis.class, "resolveByBasis", v.get("resolveByBasis"), fieldErrors);
        var input = new ForecastInput.NewForecast(paperSlug == null ? v.get("paper") : paperSlug, v.get("statement"), v.get("quote"),
                speaker, Text.blankToNull(v.get("thirdParty")), Text.blankToNull(v.get("condition")), Text.blankToNull(v.get("phrase")),
                probability, basis, null, madeOn, resolveBy, resolveByBasis,
                Text.blankToNull(v.get("resolveByNote")), Text.blankToNull(v.get("resolutionCriteria")), themeSlugs, null,
                parseId("sameQuoteAs", v.get("sameQuoteAs"), fieldErrors));
        FormErrors.of(validator.validate(input)).forEach(fieldErrors::putIfAbsent);
        if (fieldErrors.isEmpty()) {
            try {
                Forecast f = v.get("start").isBlank() ? forecasts.create(viewer.name(), input)
                        : extraction.accept(viewer.name(), input.paper(), Integer.parseInt(v.get("start")),
                        Integer.parseInt(v.get("end")), input);
                return Response.seeOther(Flash.to("/forecasts/" + f.id, "forecast-logged")).build();
            } catch (ApiException e) {
                fieldErrors = FormErrors.of(e);
            } catch (ConstraintViolationException e) {
                fieldErrors = FormErrors.of(e);
            }
        }
        return html(forecastForm(v, fieldErrors, null, themeSlots).data("options", options), 400);
    }

    // ---------------------------------------------------------------- the extraction assistant

    @POST
    @Path("staff/papers/{slug}/text")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response attachText(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        viewer.require(Role.EDITOR, "/papers/" + slug);
        csrf.check(form.getFirst("csrf"));
        try {
            extraction.attachText(viewer.name(), slug, form.getFirst("text"));
        } catch (ApiException e) {
            throw new PageException(e.status() == 413 ? 413 : 400, e.getMessage());
        }
        return Response.seeOther(Flash.to("/papers/" + slug + "#candidates", "text-attached")).build();
    }

    @POST
    @Path("staff/papers/{slug}/candidates/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rejectCandidate(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        viewer.require(Role.EDITOR, "/papers/" + slug);
        csrf.check(form.getFirst("csrf"));
        try {
            extraction.reject(viewer.name(), slug, Integer.parseInt(form.getFirst("start")), Integer.parseInt(form.getFirst("end")));
        } catch (NumberFormatException e) {
            throw new PageException(400, "The form lost the candidate's place; reload the page.");
        }
        // back to the page of candidates it was rejected from (the last one, if that page is now past the end)
        int from = Pager.index(form.getFirst("candidates"));
        int last = Math.max(0, (extraction.candidates(slug).size() - 1) / PublicPages.PAGE);
        int back = Math.min(from, last);
        return Response.seeOther(Flash.to("/papers/" + slug + (back == 0 ? "" : "?candidates=" + back) + "#candidates",
                "candidate-rejected")).build();
    }

    // ---------------------------------------------------------------- evidence

    @GET
    @Path("staff/forecasts/{id}/evidence")
    public Response newEvidence(@PathParam("id") long id) {
        viewer.require(Role.ANALYST, "/staff/forecasts/" + id + "/evidence");
        return html(evidenceForm(id, Map.of("stance", "SUPPORTS"), Map.of()));
    }

    private TemplateInstance evidenceForm(long id, Map<String, String> values, Map<String, String> fieldErrors) {
        return page.with(evidenceForm, "Attach evidence").data("f", ForecastView.summary(forecasts.get(id), LocalDate.now()))
                .data("v", values).data("e", fieldErrors).data("stances", Stance.values());
    }

    @POST
    @Path("staff/forecasts/{id}/evidence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addEvidence(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        viewer.require(Role.ANALYST, "/staff/forecasts/" + id + "/evidence");
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = values(form, "summary", "observedOn", "citationUrl", "citedPaper", "citationNote", "stance");
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        Map<String, List<Choosers.Option>> options = new HashMap<>();
        String citedPaper = chosen("citedPaper", choosers.paper(v.get("citedPaper")), fieldErrors, options);
        LocalDate observedOn = parseDate("observedOn", v.get("observedOn"), fieldErrors, true);
        Stance stance = choice(Stance.class, "stance", v.get("stance"), fieldErrors);
        var in = new EvidenceService.NewEvidence(v.get("summary"), observedOn, Text.blankToNull(v.get("citationUrl")),
                citedPaper != null ? citedPaper : Text.blankToNull(v.get("citedPaper")), Text.blankToNull(v.get("citationNote")), stance);
        if (!fieldErrors.isEmpty()) {
            // what the form could not read is said with everything else the rules say of the rest
            FormErrors.merge(fieldErrors, evidence.check(id, in));
        } else {
            try {
                evidence.add(viewer.name(), id, in);
                return Response.seeOther(Flash.to("/forecasts/" + id, "evidence-added")).build();
            } catch (ApiException e) {
                fieldErrors = FormErrors.of(e);
            } catch (ConstraintViolationException e) {
                fieldErrors = FormErrors.of(e);
            }
        }
        return html(evidenceForm(id, v, fieldErrors).data("options", options), 400);
    }

    // ---------------------------------------------------------------- resolutions

    @GET
    @Path("staff/forecasts/{id}/resolve")
    public Response newResolution(@PathParam("id") long id) {
        viewer.require(Role.REVIEWER, "/staff/forecasts/" + id + "/resolve");
        Forecast f = forecasts.get(id);
        return html(resolveForm(id, Map.of("forecastVersion", Long.toString(f.version), "resolvedOn", LocalDate.now().toString()), Map.of()));
    }

    private TemplateInstance resolveForm(long id, Map<String, String> values, Map<String, String> fieldErrors) {
        return resolveForm(id, values, fieldErrors, List.of());
    }

    private TemplateInstance resolveForm(long id, Map<String, String> values, Map<String, String> fieldErrors, List<Long> relied) {
        return page.with(resolveForm, "Resolve a forecast").data("f", ForecastView.detail(forecasts.get(id), LocalDate.now()))
                .data("v", values).data("e", fieldErrors).data("outcomes", Outcome.values())
                .data("relied", java.util.Set.copyOf(relied))
                .data("sameEvent", sameEvent.of(id, 5).stream().map(m -> ForecastView.summary(m.forecast(), LocalDate.now())).toList());
    }

    @POST
    @Path("staff/forecasts/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        viewer.require(Role.REVIEWER, "/staff/forecasts/" + id + "/resolve");
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = values(form, "forecastVersion", "outcome", "credit", "resolvedOn", "rationale", "reason");
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        LocalDate resolvedOn = parseDate("resolvedOn", v.get("resolvedOn"), fieldErrors, true);
        Outcome outcome = choice(Outcome.class, "outcome", v.get("outcome"), fieldErrors);
        Double credit = null;
        if (!v.get("credit").isBlank()) {
            try {
                credit = Double.parseDouble(v.get("credit"));
            } catch (NumberFormatException e) {
                fieldErrors.put("credit", "must be a number between 0 and 1");
            }
        }
        long version;
        List<Long> relied;
        try {
            version = Long.parseLong(v.get("forecastVersion"));
            relied = form.get("evidence") == null ? List.of() : form.get("evidence").stream().map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            throw new PageException(400, "The form lost the forecast's version or its evidence; reload it.");
        }
        var verdict = new ResolutionService.Verdict(version, outcome, credit, resolvedOn, v.get("rationale"),
                Text.blankToNull(v.get("reason")), relied);
        if (!fieldErrors.isEmpty()) {
            // what the form could not read is said with everything else the rules say of the rest
            FormErrors.merge(fieldErrors, resolutions.check(id, verdict));
        } else {
            try {
                resolutions.resolve(viewer.name(), id, verdict);
                return Response.seeOther(Flash.to("/forecasts/" + id, "resolved")).build();
            } catch (ApiException e) {
                if (e.status() == 403) {
                    throw new PageException(403, e.getMessage());
                }
                fieldErrors = FormErrors.of(e);
                if (e.status() == 409) {
                    fieldErrors = Map.of("form", "Someone changed this forecast while you were reading it. The page now shows "
                            + "its current state; check it and submit again.");
                    Map<String, String> fresh = new HashMap<>(v);
                    fresh.put("forecastVersion", Long.toString(forecasts.get(id).version));
                    v = fresh;
                }
            } catch (ConstraintViolationException e) {
                fieldErrors = FormErrors.of(e);
            }
        }
        return html(resolveForm(id, v, fieldErrors, relied), 400);
    }

    // ---------------------------------------------------------------- corrections

    @GET
    @Path("staff/forecasts/{id}/correct")
    public Response newCorrection(@PathParam("id") long id) {
        viewer.require(Role.EDITOR, "/staff/forecasts/" + id + "/correct");
        Forecast f = forecasts.get(id);
        Map<String, String> v = new HashMap<>();
        v.put("version", Long.toString(f.version));
        v.put("statement", f.statement);
        v.put("quote", f.quote);
        v.put("probability", Double.toString(f.probability));
        v.put("madeOn", f.madeOn.toString());
        v.put("resolveBy", f.resolveBy.toString());
        v.put("reason", "");
        return html(correctForm(id, v, Map.of()));
    }

    private TemplateInstance correctForm(long id, Map<String, String> values, Map<String, String> fieldErrors) {
        return page.with(correctForm, "Correct a forecast").data("f", ForecastView.summary(forecasts.get(id), LocalDate.now()))
                .data("v", values).data("e", fieldErrors);
    }

    @POST
    @Path("staff/forecasts/{id}/correct")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        viewer.require(Role.EDITOR, "/staff/forecasts/" + id + "/correct");
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = values(form, "version", "statement", "quote", "probability", "madeOn", "resolveBy", "reason");
        Forecast current = forecasts.get(id);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        Double probability = parseProbability(v.get("probability"), fieldErrors);
        LocalDate madeOn = parseDate("madeOn", v.get("madeOn"), fieldErrors, true);
        LocalDate resolveBy = parseDate("resolveBy", v.get("resolveBy"), fieldErrors, true);
        if (v.get("reason").isBlank()) {
            fieldErrors.put("reason", "say why the forecast is corrected");
        }
        if (fieldErrors.isEmpty()) {
            boolean probabilityChanged = probability != null && probability != current.probability;
            try {
                var outcome = proposals.submit(viewer.name(), id, new ForecastInput.Correction(Long.parseLong(v.get("version")), v.get("reason"),
                        changed(v.get("statement"), current.statement), changed(v.get("quote"), current.quote), null, null, null,
                        null, probabilityChanged ? probability : null, probabilityChanged ? ProbabilityBasis.EDITOR : null, null,
                        current.madeOn.equals(madeOn) ? null : madeOn, current.resolveBy.equals(resolveBy) ? null : resolveBy,
                        null, null, null, null, null));
                // after the verdict the change waits on the forecast's page for a second person
                return Response.seeOther(outcome.proposed() != null ? Flash.to("/forecasts/" + id + "#proposals", "proposed") : Flash.to("/forecasts/" + id + "#corrections", "corrected")).build();
            } catch (ApiException e) {
                fieldErrors = e.status() == 409 ? Map.of("form", e.getMessage()) : FormErrors.of(e);
            } catch (ConstraintViolationException e) {
                fieldErrors = FormErrors.of(e);
            } catch (NumberFormatException e) {
                throw new PageException(400, "The form lost the forecast's version; reload it.");
            }
        }
        return html(correctForm(id, v, fieldErrors), 400);
    }

    // ---------------------------------------------------------------- corrections after the verdict

    private void requireSecondPerson(long id) {
        if (!viewer.signedIn()) {
            throw new PageException(303, "/login?next=" + java.net.URLEncoder.encode("/forecasts/" + id,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!viewer.has(Role.EDITOR) && !viewer.has(Role.REVIEWER)) {
            throw new PageException(403, "Approving a correction needs the EDITOR or REVIEWER role, which your account does not have.");
        }
    }

    @GET
    @Path("staff/forecasts/{id}/withdraw")
    public Response newWithdrawal(@PathParam("id") long id) {
        viewer.require(Role.EDITOR, "/staff/forecasts/" + id + "/withdraw");
        return html(withdrawForm(id, Map.of("version", Long.toString(forecasts.get(id).version)), Map.of()));
    }

    private TemplateInstance withdrawForm(long id, Map<String, String> values, Map<String, String> fieldErrors) {
        return page.with(withdrawForm, "Withdraw a forecast").data("f", ForecastView.summary(forecasts.get(id), LocalDate.now()))
                .data("v", values).data("e", fieldErrors);
    }

    @POST
    @Path("staff/forecasts/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        viewer.require(Role.EDITOR, "/staff/forecasts/" + id + "/withdraw");
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = values(form, "version", "reason");
        Map<String, String> fieldErrors;
        try {
            var outcome = proposals.withdraw(viewer.name(), id, Long.parseLong(v.get("version")), v.get("reason"));
            return Response.seeOther(outcome.proposed() != null ? Flash.to("/forecasts/" + id + "#proposals", "proposed") : Flash.to("/forecasts/" + id + "#withdrawn", "withdrawn")).build();
        } catch (NumberFormatException e) {
            throw new PageException(400, "The form lost the forecast's version; reload it.");
        } catch (ApiException e) {
            if (e.status() == 403) {
                throw new PageException(403, e.getMessage());
            }
            fieldErrors = e.status() == 409 ? Map.of("form", e.getMessage()) : FormErrors.of(e);
        } catch (ConstraintViolationException e) {
            fieldErrors = FormErrors.of(e);
        }
        return html(withdrawForm(id, v, fieldErrors), 400);
    }

    @POST
    @Path("staff/forecasts/{id}/proposals/{proposal}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approveProposal(@PathParam("id") long id, @PathParam("proposal") long proposal,
                                    MultivaluedMap<String, String> form) {
        requireSecondPerson(id);
        csrf.check(form.getFirst("csrf"));
        try {
            proposals.approve(viewer.name(), id, proposal);
        } catch (ApiException e) {
            throw new PageException(e.status() == 403 ? 403 : 409, e.getMessage());
        }
        return Response.seeOther(Flash.to("/forecasts/" + id + "#corrections", "approved")).build();
    }

    @GET
    @Path("staff/forecasts/{id}/proposals/{proposal}/reject")
    public Response newRejection(@PathParam("id") long id, @PathParam("proposal") long proposal) {
        requireSecondPerson(id);
        return html(rejectForm(id, proposal, Map.of(), Map.of()));
    }

    private TemplateInstance rejectForm(long id, long proposal, Map<String, String> values, Map<String, String> fieldErrors) {
        CorrectionProposal p;
        try {
            p = proposals.get(id, proposal);
        } catch (ApiException e) {
            throw new PageException(404, e.getMessage());
        }
        return page.with(rejectForm, "Reject a proposal").data("f", ForecastView.summary(forecasts.get(id), LocalDate.now()))
                .data("p", ForecastView.ProposalView.of(p)).data("v", values).data("e", fieldErrors);
    }

    @POST
    @Path("staff/forecasts/{id}/proposals/{proposal}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rejectProposal(@PathParam("id") long id, @PathParam("proposal") long proposal,
                                   MultivaluedMap<String, String> form) {
        requireSecondPerson(id);
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = values(form, "note");
        Map<String, String> fieldErrors;
        try {
            proposals.reject(viewer.name(), id, proposal, v.get("note"));
            return Response.seeOther(Flash.to("/forecasts/" + id + "#proposals", "rejected")).build();
        } catch (ApiException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw new PageException(e.status(), e.getMessage());
            }
            fieldErrors = e.status() == 409 ? Map.of("form", e.getMessage()) : FormErrors.of(e);
        } catch (ConstraintViolationException e) {
            fieldErrors = FormErrors.of(e);
        }
        return html(rejectForm(id, proposal, v, fieldErrors), 400);
    }

    // ---------------------------------------------------------------- helpers

    @Inject
    Choosers choosers;

    /** The slug a chooser field chose, or null with its error and options noted for the form. */
    static String chosen(String field, Choosers.Choice choice, Map<String, String> errors, Map<String, List<Choosers.Option>> options) {
        if (choice.error() != null) {
            errors.put(field, choice.error());
            options.put(field, choice.options());
        }
        return choice.slug();
    }

    private static Long parseId(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            errors.put(field, "a forecast's number, such as 42");
            return null;
        }
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response onPage(ApiException e) {
        return errors.apiOnPage(e);
    }

    static Response html(TemplateInstance template) {
        return html(template, 200);
    }

    static Response html(TemplateInstance template, int status) {
        String body = template.render();
        return Response.status(status).type("text/html;charset=UTF-8").entity(body).build();
    }

    /** A form's values by name, an absent field as empty text. */
    static Map<String, String> values(MultivaluedMap<String, String> form, String... names) {
        Map<String, String> v = new HashMap<>();
        for (String n : names) {
            String value = form.getFirst(n);
            v.put(n, value == null ? "" : value);
        }
        return v;
    }

    private static Double parseProbability(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String t = text.trim();
            double p = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100 : Double.parseDouble(t);
            if (!(p > 0 && p < 1)) {
                errors.put("probability", "must be strictly between 0 and 1 (or 0% and 100%)");
            }
            return p;
        } catch (NumberFormatException e) {
            errors.put("probability", "must be a number such as 0.75 or 75%");
            return null;
        }
    }

    private static LocalDate parseDate(String field, String text, Map<String, String> errors, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.put(field, "is required (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "'" + text + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    /** A choice of a form's select: empty is no choice; a value that is not one of the choices is a field error. */
    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value, Map<String, String> errors) {
        E e = enumOf(type, value);
        if (e == null && value != null && !value.isBlank()) {
            errors.put(field, "choose one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return e;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String changed(String value, String current) {
        return value == null || value.isBlank() || value.trim().equals(current) ? null : value;
    }

}
