package org.hindcast.web.api;

import org.hindcast.corpus.CorpusExporter;
import org.hindcast.corpus.CorpusLoader;
import org.hindcast.corpus.ImportReport;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The corpus in and out: an admin reloads forecasts/; anyone can read a paper back in the file format. */
public final class CorpusResource {

    private CorpusResource() {
    }

    @Path("/api/admin/corpus")
    @RolesAllowed("ADMIN")
    public static class Admin {
        @Inject
        CorpusLoader loader;

        @Inject
        org.hindcast.web.Caller caller;

        /**
         * Imports the corpus directory (hindcast.corpus.dir, else the packaged copy), attributed to the calling admin;
         * 200 with the report, 422 if a file was refused (a conflict with a correction made in the ledger included).
         */
        @Operation(summary = "Import the corpus folder", description = "Loads every paper file of the configured corpus folder as the calling admin; prints what it added, changed, kept and refused. A correction made in the ledger is never reverted.")
        @POST
        @Path("import")
        public Response importCorpus() {
            ImportReport report = loader.importConfigured(caller.name());
            return Response.status(report.anyRefused() ? 422 : 200).entity(report).build();
        }
    }

    @Path("/api/papers/{slug}/corpus-file")
    public static class Export {
        @Inject
        CorpusExporter exporter;

        @Operation(summary = "A paper as a corpus file", description = "The paper, its forecasts, evidence and verdicts in the corpus format (YAML), to edit and import again.")
        @GET
        @Produces("application/yaml")
        public String paper(@PathParam("slug") String slug) {
            return exporter.yaml(exporter.paper(slug));
        }
    }
}
