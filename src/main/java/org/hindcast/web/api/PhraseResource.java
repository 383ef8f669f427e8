package org.hindcast.web.api;

import org.hindcast.phrases.PhraseTable;
import org.hindcast.phrases.PhraseTables;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.hindcast.problems.ApiException;

import java.util.List;

/** The phrase table, readable by anyone: how a printed phrase became a probability. */
@Path("/api/phrases")
public class PhraseResource {

    @Inject
    PhraseTables tables;

    public record TableView(String version, List<PhraseTable.Entry> entries) {
    }

    public record Suggestion(String phrase, String matched, double low, double high, double probability,
                             String basis, String version) {
    }

    @Operation(summary = "The current phrase table", description = "Each estimative phrase with its band, point probability and the reason for it.")
    @GET
    public TableView current() {
        PhraseTable t = tables.current();
        return new TableView(t.version(), t.entries());
    }

    @Operation(summary = "One version of the phrase table")
    @GET
    @Path("versions/{version}")
    public TableView version(@PathParam("version") String version) {
        PhraseTable t = tables.version(version).orElseThrow(() -> ApiException.notFound("phrase table version", version));
        return new TableView(t.version(), t.entries());
    }

    /** The probability the current table suggests for a phrase or a sentence. */
    @Operation(summary = "The probability the phrase table gives a text", description = "Finds the estimative phrase in the text and answers its band and point probability.")
    @GET
    @Path("suggest")
    public Suggestion suggest(@QueryParam("text") @NotBlank @Size(max = 2000) String text) {
        PhraseTable t = tables.current();
        PhraseTable.Match m = t.find(text)
                .orElseThrow(() -> ApiException.notFound("estimative phrase in", text));
        PhraseTable.Entry e = m.entry();
        return new Suggestion(e.phrase(), m.matched(), e.low(), e.high(), e.point(), e.basis(), t.version());
    }
}
