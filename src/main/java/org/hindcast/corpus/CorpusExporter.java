package org.hindcast.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hindcast.authors.Author;
import org.hindcast.evidence.Evidence;
import org.hindcast.forecasts.Forecast;
import org.hindcast.forecasts.ForecastRules;
import org.hindcast.forecasts.ProbabilityBasis;
import org.hindcast.forecasts.Speaker;
import org.hindcast.papers.Paper;
import org.hindcast.papers.PaperService;
import org.hindcast.phrases.PhraseTables;
import org.hindcast.resolutions.Resolution;
import org.hindcast.themes.Theme;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the ledger back in the corpus format: one file per paper and the theme file. Defaults are left
 * out (made-on equal to the paper's date, the paper's authors, a phrase-table probability), so an exported
 * file reads like one an editor wrote, and importing it changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CorpusExporter {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    @Inject
    PaperService papers;

    @Inject
    PhraseTables phraseTables;

    public CorpusDocs.PaperFile paper(String slug) {
        Paper p = papers.get(slug);
        List<CorpusDocs.AuthorDoc> authors = new ArrayList<>();
        for (int i = 0; i < p.authors.size(); i++) {
            Author a = p.authors.get(i);
            String printed = p.printedAuthors != null && i < p.printedAuthors.size() ? p.printedAuthors.get(i) : a.displayName;
            List<String> aliases = a.aliases.stream().map(x -> x.alias)
                    .filter(x -> !x.equals(printed) && !x.equals(a.displayName)).toList();
            authors.add(new CorpusDocs.AuthorDoc(printed, a.slug, a.displayName.equals(printed) ? null : a.displayName,
                    a.affiliation, aliases));
        }
        var paperDoc = new CorpusDocs.PaperDoc(p.slug, p.title, p.publisher, p.series, p.url, p.published().text(),
                p.language, p.sourceText, authors, p.note);
        List<Forecast> forecasts = Forecast.list("paper = ?1", Sort.by("id"), p);
        List<String> paperAuthors = p.authors.stream().map(a -> a.slug).sorted().toList();
        String current = phraseTables.current().version();
        List<CorpusDocs.ForecastDoc> docs = new ArrayList<>();
        for (Forecast f : forecasts) {
            boolean table = f.probabilityBasis == ProbabilityBasis.PHRASE_TABLE;
            List<String> authorSlugs = f.authors.stream().map(a -> a.slug).sorted().toList();
            List<CorpusDocs.EvidenceDoc> evidence = Evidence.of(f.id).stream().map(e -> new CorpusDocs.EvidenceDoc(e.summary,
                    e.observedOn.toString(), e.citedPaper == null ? null : e.citedPaper.slug, e.citationUrl, e.citationNote,
                    e.stance.name(), e.quote)).toList();
            List<Resolution> history = Resolution.of(f.id);
            CorpusDocs.ResolutionDoc resolution = history.isEmpty() ? null : toDoc(history.get(history.size() - 1));
            docs.add(new CorpusDocs.ForecastDoc(f.corpusKey != null ? f.corpusKey : "forecast-" + f.id, f.statement, f.quote,
                    f.speaker == Speaker.AUTHORS ? null : f.speaker.name(), f.thirdParty, f.condition, f.phrase,
                    table ? null : f.probability, table ? null : f.probabilityBasis.name(),
                    table && !current.equals(f.phraseTableVersion) ? f.phraseTableVersion : null,
                    f.madeOn.equals(ForecastRules.periodEnd(p.published())) ? null : f.madeOn.toString(), f.resolveBy.toString(),
                    f.resolveByBasis.name(), f.resolveByNote, f.resolutionCriteria,
                    f.themes.stream().map(t -> t.slug).toList(),
                    f.speaker == Speaker.THIRD_PARTY || authorSlugs.equals(paperAuthors) ? null : authorSlugs,
                    evidence, resolution, f.sameQuoteAs == null ? null
                            : f.sameQuoteAs.corpusKey != null ? f.sameQuoteAs.corpusKey : "forecast-" + f.sameQuoteAs.id));
        }
        return new CorpusDocs.PaperFile(CorpusDocs.PAPER_FORMAT, paperDoc, docs);
    }

    private static CorpusDocs.ResolutionDoc toDoc(Resolution r) {
        return new CorpusDocs.ResolutionDoc(r.outcome.name(), r.credit, r.resolvedOn.toString(), r.rationale);
    }

    public CorpusDocs.ThemesFile themes() {
        List<CorpusDocs.ThemeDoc> docs = new ArrayList<>();
        Map<Long, Theme> byId = new LinkedHashMap<>();
        Theme.<Theme>listAll(Sort.by("id")).forEach(t -> byId.put(t.id, t));
        for (Theme t : byId.values()) {
            docs.add(new CorpusDocs.ThemeDoc(t.slug, t.name, t.parent == null ? null : t.parent.slug));
        }
        return new CorpusDocs.ThemesFile(CorpusDocs.THEMES_FORMAT, docs);
    }

    public String yaml(Object doc) {
        return toYaml(doc);
    }

    /** A corpus document as the text of its file. */
    public static String toYaml(Object doc) {
        try {
            return YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes themes.yaml and one file per paper into {@code dir}; returns the number of files. */
    public int writeAll(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("themes.yaml"), yaml(themes()));
            List<Paper> all = Paper.listAll(Sort.by("publishedOn").and("slug"));
            for (Paper p : all) {
                Files.writeString(dir.resolve(p.published().text() + "-" + p.slug + ".yaml"), yaml(paper(p.slug)));
            }
            return all.size() + 1;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
