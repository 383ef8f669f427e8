package org.hindcast.web.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.hindcast.platform.ClientAddress;
import org.hindcast.users.Sessions;
import org.hindcast.users.SignIn;

/**
 * Signing in and out of the staff pages. A wrong password shows the form again with a message (the browser's
 * own password dialog never appears), the page asked for is kept through sign-in, and the form carries the
 * same cross-site token as every other form. The API keeps HTTP Basic.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    @Inject
    PageContext page;

    @Inject
    Csrf csrf;

    @Inject
    SignIn signIn;

    @Inject
    Sessions sessions;

    @Inject
    ClientAddress clients;

    @Context
    HttpServerRequest request;

    @Location("pages/login.html")
    Template login;

    @GET
    @Path("login")
    public Response form(@QueryParam("next") String next) {
        return render(200, null, "", next);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(MultivaluedMap<String, String> form) {
        csrf.check(form.getFirst("csrf"));
        String username = form.getFirst("username") == null ? "" : form.getFirst("username");
        String next = form.getFirst("next");
        String address = clients.of(request);
        SignIn.Credentials user;
        try {
            user = signIn.check(username, form.getFirst("password") == null ? "" : form.getFirst("password"), address);
        } catch (AuthenticationFailedException e) {
            return render(401, "The user name or password is not right, or this account must wait before trying "
                    + "again.", username, next);
        }
        String token = sessions.open(user, address);
        return Response.seeOther(java.net.URI.create(safeNext(next)))
                .cookie(new NewCookie.Builder(Sessions.COOKIE).value(token).path("/").httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).secure(clients.secure(request)).build())
                .build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(MultivaluedMap<String, String> form, @CookieParam(Sessions.COOKIE) String token) {
        csrf.check(form.getFirst("csrf"));
        sessions.end(token, "signed out");
        return Response.seeOther(java.net.URI.create("/"))
                .cookie(new NewCookie.Builder(Sessions.COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).secure(clients.secure(request)).build())
                .build();
    }

    private Response render(int status, String error, String username, String next) {
        // 401 without an HTTP Basic challenge: the page itself says what went wrong.
        return Response.status(status).type("text/html;charset=UTF-8")
                .entity(page.with(login, "Sign in").data("error", error).data("username", username)
                        .data("next", safeNext(next)).render())
                .build();
    }

    /** Only a path of this site is followed after sign-in; anything else goes to the staff desk. */
    static String safeNext(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.length() > 2000 || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/staff";
        }
        return next;
    }
}
