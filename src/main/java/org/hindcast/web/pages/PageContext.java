package org.hindcast.web.pages;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.hindcast.scoring.Rules;

/** What every page's layout needs: the title, the signed-in user, the form token and the message after a write. */
@RequestScoped
public class PageContext {

    @Inject
    Viewer viewer;

    @Inject
    Csrf csrf;

    @Inject
    jakarta.ws.rs.core.UriInfo uri;

    public TemplateInstance with(Template template, String title) {
        return template.data("title", title).data("user", viewer.name()).data("csrf", csrf.token())
                .data("scoringVersion", Rules.VERSION).data("viewer", viewer)
                .data("flash", Flash.message(uri.getQueryParameters().getFirst(Flash.PARAM)))
                .data("options", java.util.Map.of());
    }
}
