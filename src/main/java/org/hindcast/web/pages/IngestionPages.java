package org.hindcast.web.pages;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.hindcast.common.Text;
import org.hindcast.ingestion.IngestionService;
import org.hindcast.papers.PaperService;
import org.hindcast.problems.ApiException;
import org.hindcast.users.Role;
import org.hindcast.web.api.PaperResource;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A paper's text from its PDF (an upload on the paper's page) and a new paper from its web page. The same
 * request record, validation and service as {@code POST /api/papers/{slug}/text} and {@code /api/papers/from-web};
 * a refused file or page is said next to its field, and nothing is stored.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class IngestionPages {

    @Inject
    PageContext page;

    @Inject
    Viewer viewer;

    @Inject
    Csrf csrf;

    @Inject
    Validator validator;

    @Inject
    IngestionService ingestion;

    @Inject
    PublicPages publicPages;

    @Inject
    PageErrors errors;

    @Location("pages/web-paper-form.html")
    Template webPaperForm;

    @POST
    @Path("staff/papers/{slug}/pdf")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attachPdf(@PathParam("slug") String slug, @RestForm("csrf") String token, @RestForm("file") FileUpload file) {
        viewer.require(Role.EDITOR, "/papers/" + slug);
        csrf.check(token);
        String error;
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            error = "choose the paper's PDF";
        } else {
            try {
                ingestion.attachPdf(viewer.name(), slug, Files.readAllBytes(file.uploadedFile()));
                return Response.seeOther(Flash.to("/papers/" + slug + "#candidates", "pdf-attached")).build();
            } catch (ApiException e) {
                if (e.status() == 404) {
                    throw e;
                }
                error = e.errors() == null || e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message();
            } catch (IOException e) {
                error = "the upload could not be read (" + e.getMessage() + "); try again";
            }
        }
        // the paper's page again, the reason beside the file field
        return StaffPages.html(publicPages.paper(slug, null, null).data("pdfError", error), 422);
    }

    @GET
    @Path("staff/papers/from-web")
    public Response newFromWeb() {
        viewer.require(Role.EDITOR, "/staff/papers/from-web");
        return StaffPages.html(form(new java.util.HashMap<>(), Map.of()), 200);
    }

    private TemplateInstance form(Map<String, String> v, Map<String, String> e) {
        return page.with(webPaperForm, "Add a paper from its web page").data("v", v).data("e", e);
    }

    @POST
    @Path("staff/papers/from-web")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fromWeb(MultivaluedMap<String, String> form) {
        viewer.require(Role.EDITOR, "/staff/papers/from-web");
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = StaffPages.values(form, "url", "title", "publisher", "published", "series", "authors", "slug", "newAuthors");
        boolean newPeople = "on".equals(v.get("newAuthors"));
        List<PaperResource.PrintedAuthorInput> authors = Arrays.stream(v.get("authors").split("\\R")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(n -> new PaperResource.PrintedAuthorInput(null, n, null, newPeople)).toList();
        var input = new PaperResource.WebPaper(v.get("url").trim(), Text.blankToNull(v.get("slug")), Text.blankToNull(v.get("title")),
                Text.blankToNull(v.get("publisher")), Text.blankToNull(v.get("published")), Text.blankToNull(v.get("series")),
                authors.isEmpty() ? null : authors);
        Map<String, String> e = FormErrors.of(validator.validate(input));
        if (e.isEmpty()) {
            try {
                var in = ingestion.fromWeb(viewer.name(), new IngestionService.WebRequest(input.url(), input.slug(), input.title(),
                        input.publisher(), input.published(), input.series(), input.authors() == null ? null : input.authors().stream()
                        .map(a -> new PaperService.PrintedAuthor(null, a.name(), null, newPeople)).toList()));
                return Response.seeOther(Flash.to("/papers/" + in.paper() + "#candidates", "paper-from-web")).build();
            } catch (ApiException ex) {
                e = FormErrors.of(ex);
            } catch (ConstraintViolationException ex) {
                e = FormErrors.of(ex);
            }
        }
        return StaffPages.html(form(v, e), 400);
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response onPage(ApiException ex) {
        return errors.apiOnPage(ex);
    }
}
