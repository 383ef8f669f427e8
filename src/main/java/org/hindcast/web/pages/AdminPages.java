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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.hindcast.authors.Author;
import org.hindcast.authors.AuthorService;
import org.hindcast.authors.AuthorView;
import org.hindcast.common.Text;
import org.hindcast.problems.ApiException;
import org.hindcast.users.Role;
import org.hindcast.users.User;
import org.hindcast.users.UserService;
import org.hindcast.web.api.AuthorResource;
import org.hindcast.web.api.UserResource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The administrators' screens: staff accounts and their roles, and authors (their printed names and merges).
 * The same request records, validation and services as /api/users and /api/authors; errors next to the fields.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    @Inject
    PageContext page;

    @Inject
    Viewer viewer;

    @Inject
    Csrf csrf;

    @Inject
    Validator validator;

    @Inject
    UserService users;

    @Inject
    AuthorService authors;

    @Inject
    Choosers choosers;

    @Inject
    PageErrors errors;

    @Location("pages/admin-users.html")
    Template usersPage;

    @Location("pages/admin-user.html")
    Template userPage;

    @Location("pages/admin-authors.html")
    Template authorsPage;

    @Location("pages/admin-author.html")
    Template authorPage;

    @GET
    @Path("staff/admin")
    public Response index() {
        viewer.requireSignedIn("/staff/admin");
        return Response.seeOther(java.net.URI.create(viewer.has(Role.ADMIN) ? "/staff/admin/users" : "/staff/admin/authors")).build();
    }

    // ---------------------------------------------------------------- accounts

    /** An account as the screens show it. */
    public record Account(String username, String displayName, List<Role> roles, boolean enabled, long version) {
        static Account of(User u) {
            return new Account(u.username, u.displayName, u.roles.stream().sorted().toList(), u.enabled, u.version);
        }
    }

    @GET
    @Path("staff/admin/users")
    public Response accounts() {
        viewer.require(Role.ADMIN, "/staff/admin/users");
        return StaffPages.html(accounts(Map.of(), Map.of(), Set.of()), 200);
    }

    private TemplateInstance accounts(Map<String, String> v, Map<String, String> e, Set<Role> chosen) {
        return page.with(usersPage, "Staff accounts").data("accounts", users.list().stream().map(Account::of).toList())
                .data("v", v).data("e", e).data("roles", Role.values()).data("chosen", chosen);
    }

    @POST
    @Path("staff/admin/users")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createAccount(MultivaluedMap<String, String> form) {
        viewer.require(Role.ADMIN, "/staff/admin/users");
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = StaffPages.values(form, "username", "displayName", "password");
        Map<String, String> e = new LinkedHashMap<>();
        Set<Role> roles = roles(form, e);
        var input = new UserResource.NewUser(v.get("username"), v.get("displayName"), v.get("password"), roles);
        e.putAll(FormErrors.of(validator.validate(input)));
        if (e.isEmpty()) {
            try {
                User created = users.create(viewer.name(), input.username(), input.displayName(), input.password(), input.roles());
                return Response.seeOther(Flash.to("/staff/admin/users/" + created.username, "user-created")).build();
            } catch (ApiException ex) {
                e = FormErrors.of(ex);
            } catch (ConstraintViolationException ex) {
                e = FormErrors.of(ex);
            }
        }
        v.put("password", "");
        return StaffPages.html(accounts(v, e, roles), 400);
    }

    @GET
    @Path("staff/admin/users/{username}")
    public Response account(@PathParam("username") String username) {
        viewer.require(Role.ADMIN, "/staff/admin/users/" + username);
        User u = users.find(username);
        Map<String, String> v = new HashMap<>();
        v.put("displayName", u.displayName);
        v.put("version", Long.toString(u.version));
        v.put("enabled", u.enabled ? "on" : "");
        v.put("password", "");
        return StaffPages.html(account(Account.of(u), v, Map.of(), Set.copyOf(u.roles)), 200);
    }

    private TemplateInstance account(Account account, Map<String, String> v, Map<String, String> e, Set<Role> chosen) {
        return page.with(userPage, "Account " + account.username()).data("account", account).data("v", v).data("e", e)
                .data("roles", Role.values()).data("chosen", chosen);
    }

    @POST
    @Path("staff/admin/users/{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateAccount(@PathParam("username") String username, MultivaluedMap<String, String> form) {
        viewer.require(Role.ADMIN, "/staff/admin/users/" + username);
        csrf.check(form.getFirst("csrf"));
        User current = users.find(username);
        Map<String, String> v = StaffPages.values(form, "displayName", "version", "enabled", "password");
        Map<String, String> e = new LinkedHashMap<>();
        Set<Role> roles = roles(form, e);
        long version;
        try {
            version = Long.parseLong(v.get("version"));
        } catch (NumberFormatException ex) {
            throw new PageException(400, "The form lost the account's version; reload it.");
        }
        var change = new UserResource.UserChange(version, v.get("displayName"), roles, "on".equals(v.get("enabled")),
                Text.blankToNull(v.get("password")));
        e.putAll(FormErrors.of(validator.validate(change)));
        if (e.isEmpty()) {
            try {
                users.update(viewer.name(), username, change.version(), change.displayName(), change.roles(), change.enabled(),
                        change.password());
                return Response.seeOther(Flash.to("/staff/admin/users/" + username, "user-updated")).build();
            } catch (ApiException ex) {
                e = ex.status() == 409 ? Map.of("form", ex.getMessage()) : FormErrors.of(ex);
            } catch (ConstraintViolationException ex) {
                e = FormErrors.of(ex);
            }
        }
        v.put("password", "");
        return StaffPages.html(account(Account.of(current), v, e, roles), 400);
    }

    @POST
    @Path("staff/admin/users/{username}/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlock(@PathParam("username") String username, MultivaluedMap<String, String> form) {
        viewer.require(Role.ADMIN, "/staff/admin/users/" + username);
        csrf.check(form.getFirst("csrf"));
        users.unlock(viewer.name(), username);
        return Response.seeOther(Flash.to("/staff/admin/users/" + username, "user-unlocked")).build();
    }

    /** The role checkboxes: each a role's name; anything else is an error of the field. */
    private static Set<Role> roles(MultivaluedMap<String, String> form, Map<String, String> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : form.getOrDefault("roles", List.of())) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException ex) {
                errors.put("roles", "choose among " + Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return roles;
    }

    // ---------------------------------------------------------------- authors

    @GET
    @Path("staff/admin/authors")
    public Response authorList(@QueryParam("q") String q, @QueryParam("page") String pageNo) {
        requireAuthorsDesk("/staff/admin/authors");
        int pageIndex = Pager.index(pageNo);
        var found = authors.list(Text.blankToNull(q), pageIndex, PublicPages.PAGE);
        return StaffPages.html(page.with(authorsPage, "Authors: names and merges").data("q", q == null ? "" : q)
                .data("found", found.items().stream().map(AuthorView::of).toList())
                .data("pager", Pager.of("/staff/admin/authors", PublicPages.query("q", q), pageIndex, PublicPages.PAGE, found.total())), 200);
    }

    private void requireAuthorsDesk(String returnTo) {
        viewer.requireSignedIn(returnTo);
        if (!viewer.has(Role.EDITOR) && !viewer.has(Role.ADMIN)) {
            throw new PageException(403, "Authors are edited by the EDITOR role and merged by ADMIN; your account has neither.");
        }
    }

    @GET
    @Path("staff/admin/authors/{slug}")
    public Response author(@PathParam("slug") String slug) {
        requireAuthorsDesk("/staff/admin/authors/" + slug);
        Author a = authors.get(slug);
        if (!a.slug.equals(slug)) {
            return Response.seeOther(java.net.URI.create("/staff/admin/authors/" + a.slug)).build();
        }
        Map<String, String> v = new HashMap<>();
        v.put("displayName", a.displayName);
        v.put("affiliation", a.affiliation == null ? "" : a.affiliation);
        v.put("version", Long.toString(a.version));
        return StaffPages.html(author(a, v, Map.of(), Map.of()), 200);
    }

    private TemplateInstance author(Author a, Map<String, String> v, Map<String, String> e, Map<String, List<Choosers.Option>> options) {
        v.putIfAbsent("alias", "");
        v.putIfAbsent("into", "");
        return page.with(authorPage, "Author " + a.displayName).data("author", AuthorView.of(a)).data("v", v).data("e", e)
                .data("options", options);
    }

    @POST
    @Path("staff/admin/authors/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateAuthor(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        viewer.require(Role.EDITOR, "/staff/admin/authors/" + slug);
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = StaffPages.values(form, "displayName", "affiliation", "version");
        long version;
        try {
            version = Long.parseLong(v.get("version"));
        } catch (NumberFormatException ex) {
            throw new PageException(400, "The form lost the author's version; reload it.");
        }
        var change = new AuthorResource.AuthorChange(version, v.get("displayName"), v.get("affiliation"));
        Map<String, String> e = FormErrors.of(validator.validate(change));
        if (e.isEmpty()) {
            try {
                authors.update(viewer.name(), slug, version, change.displayName(), change.affiliation());
                return Response.seeOther(Flash.to("/staff/admin/authors/" + slug, "author-updated")).build();
            } catch (ApiException ex) {
                e = ex.status() == 409 && (ex.errors() == null || ex.errors().isEmpty()) ? Map.of("form", ex.getMessage()) : FormErrors.of(ex);
            }
        }
        return StaffPages.html(author(authors.get(slug), v, e, Map.of()), 400);
    }

    @POST
    @Path("staff/admin/authors/{slug}/aliases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAlias(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        viewer.require(Role.EDITOR, "/staff/admin/authors/" + slug);
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = StaffPages.values(form, "alias");
        var input = new AuthorResource.NewAlias(v.get("alias"));
        Map<String, String> e = FormErrors.of(validator.validate(input));
        if (e.isEmpty()) {
            try {
                authors.addAlias(viewer.name(), slug, input.alias());
                return Response.seeOther(Flash.to("/staff/admin/authors/" + slug, "alias-added")).build();
            } catch (ApiException ex) {
                e = new LinkedHashMap<>();
                e.put("alias", ex.errors() == null || ex.errors().isEmpty() ? ex.getMessage() : ex.errors().get(0).message());
            }
        }
        return StaffPages.html(author(authors.get(slug), v, e, Map.of()), 400);
    }

    @POST
    @Path("staff/admin/authors/{slug}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        viewer.require(Role.ADMIN, "/staff/admin/authors/" + slug);
        csrf.check(form.getFirst("csrf"));
        Map<String, String> v = StaffPages.values(form, "into");
        Map<String, String> e = new LinkedHashMap<>();
        Map<String, List<Choosers.Option>> options = new HashMap<>();
        String into = StaffPages.chosen("into", choosers.author(v.get("into")), e, options);
        if (into == null && e.isEmpty()) {
            e.put("into", "name the author this one is merged into");
        }
        if (e.isEmpty()) {
            try {
                Author survivor = authors.merge(viewer.name(), slug, into);
                return Response.seeOther(Flash.to("/staff/admin/authors/" + survivor.slug, "authors-merged")).build();
            } catch (ApiException ex) {
                e.put("into", ex.getMessage());
            }
        }
        return StaffPages.html(author(authors.get(slug), v, e, options), 400);
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response onPage(ApiException ex) {
        return errors.apiOnPage(ex);
    }
}
