package org.hindcast.web.pages;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.hindcast.scoring.Rules;

/** What every page's layout needs: the title, the signed-in user and the form token. */
@RequestScoped
public class PageContext {

    @Inject
    Viewer viewer;

    @Inject
    Csrf csrf;

    public TemplateInstance with(Template template, String title) {
        return template.data("title", title).data("user", viewer.name()).data("csrf", csrf.token())
                .data("scoringVersion", Rules.VERSION).data("viewer", viewer);
    }
}
