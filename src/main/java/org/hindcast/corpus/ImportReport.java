package org.hindcast.corpus;

import java.util.ArrayList;
import java.util.List;

/** What an import did, file by file: added, changed, unchanged or refused, with counts and errors. */
public record ImportReport(List<FileResult> files) {

    public enum Outcome { LOADED, CHANGED, UNCHANGED, REFUSED }

    /** Up to this many files, the table has a row for each. */
    static final int LISTED_FILES = 100;

    /**
     * @param kept the records whose correction in the ledger was kept: the file still says what it said when they
     *             were imported, and the ledger has been corrected since
     * @param awaitingApproval the forecasts the file corrects after their verdict: each correction is proposed in the
     *             name of whoever ran the import and applied when a second staff member approves it
     */
    public record FileResult(String file, Outcome outcome, Counts added, Counts changed, List<CorpusError> errors,
                             List<String> kept, List<String> awaitingApproval) {
        public FileResult(String file, Outcome outcome, Counts added, Counts changed, List<CorpusError> errors) {
            this(file, outcome, added, changed, errors, List.of(), List.of());
        }
    }

    /** Counts of records, by kind. */
    public static final class Counts {
        public int themes;
        public int authors;
        public int papers;
        public int forecasts;
        public int evidence;
        public int resolutions;

        public int total() {
            return themes + authors + papers + forecasts + evidence + resolutions;
        }

        public int getThemes() {
            return themes;
        }

        public int getAuthors() {
            return authors;
        }

        public int getPapers() {
            return papers;
        }

        public int getForecasts() {
            return forecasts;
        }

        public int getEvidence() {
            return evidence;
        }

        public int getResolutions() {
            return resolutions;
        }
    }

    public boolean anyRefused() {
        return files.stream().anyMatch(f -> f.outcome() == Outcome.REFUSED);
    }

    public boolean changedNothing() {
        return files.stream().allMatch(f -> f.outcome() == Outcome.UNCHANGED);
    }

    /** Lists the first of the files' records of one kind, each with its file, and returns how many there are in all. */
    private int listed(StringBuilder out, String label, java.util.function.Function<FileResult, List<String>> records) {
        files.stream().flatMap(f -> records.apply(f).stream().map(k -> f.file() + ": " + k)).limit(LISTED_FILES)
                .forEach(k -> out.append(label).append(": ").append(k).append('\n'));
        return files.stream().mapToInt(f -> records.apply(f).size()).sum();
    }

    /** A table people can read, and a summary line. */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"file", "result", "added (th/au/pa/fc/ev/re)", "changed (th/au/pa/fc/re)"});
        // A large import lists its refused files only, then the totals; a small one lists every file.
        boolean everyFile = files.size() <= LISTED_FILES;
        for (FileResult f : files) {
            if (!everyFile && f.outcome() != Outcome.REFUSED) {
                continue;
            }
            rows.add(new String[]{f.file(), f.outcome().name(),
                    f.added().themes + "/" + f.added().authors + "/" + f.added().papers + "/" + f.added().forecasts + "/"
                            + f.added().evidence + "/" + f.added().resolutions,
                    f.changed().themes + "/" + f.changed().authors + "/" + f.changed().papers + "/" + f.changed().forecasts
                            + "/" + f.changed().resolutions});
        }
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < 4; i++) {
                out.append(String.format("%-" + (width[i] + 2) + "s", row[i]));
            }
            out.append('\n');
            if (r == 0) {
                for (int i = 0; i < 4; i++) {
                    out.append("-".repeat(width[i])).append("  ");
                }
                out.append('\n');
            }
        }
        for (FileResult f : files) {
            for (CorpusError e : f.errors()) {
                out.append("refused: ").append(e).append('\n');
            }
        }
        int kept = listed(out, "kept", FileResult::kept);
        if (kept > 0) {
            out.append(kept).append(" records keep the ledger's correction: their files still say what they said at the "
                    + "last import (export the papers to bring the files up to date)\n");
        }
        int awaiting = listed(out, "awaiting approval", FileResult::awaitingApproval);
        if (awaiting > 0) {
            out.append(awaiting).append(" corrections of forecasts with a verdict wait for a second staff member: approve or "
                    + "reject each on the forecast's page (or POST /api/forecasts/{id}/correction-proposals/{proposal}/approve)\n");
        }
        long refused = files.stream().filter(f -> f.outcome() == Outcome.REFUSED).count();
        long unchanged = files.stream().filter(f -> f.outcome() == Outcome.UNCHANGED).count();
        int added = files.stream().mapToInt(f -> f.added().total()).sum();
        int changed = files.stream().mapToInt(f -> f.changed().total()).sum();
        if (!everyFile) {
            Counts sum = new Counts();
            for (FileResult f : files) {
                sum.themes += f.added().themes;
                sum.authors += f.added().authors;
                sum.papers += f.added().papers;
                sum.forecasts += f.added().forecasts;
                sum.evidence += f.added().evidence;
                sum.resolutions += f.added().resolutions;
            }
            out.append(String.format(java.util.Locale.ROOT, "added: %,d themes, %,d authors, %,d papers, %,d forecasts, "
                    + "%,d evidence, %,d resolutions%n", sum.themes, sum.authors, sum.papers, sum.forecasts,
                    sum.evidence, sum.resolutions));
        }
        out.append(files.size()).append(" files: ").append(added).append(" records added, ").append(changed)
                .append(" changed, ").append(unchanged).append(" files unchanged, ").append(refused).append(" refused");
        if (changedNothing() && awaiting == 0) {
            out.append(" - nothing to do, the ledger already matches the files");
        }
        return out.append('\n').toString();
    }
}
