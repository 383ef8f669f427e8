package org.hindcast.web.pages;

import org.hindcast.web.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.hindcast.users.Role;

/** Who is looking at a page (the web layer's {@link Caller}, as pages need it): readers, or signed-in staff with their roles. */
@RequestScoped
public class Viewer {

    @Inject
    Caller caller;

    /** The signed-in account's name, or null for a reader (pages show no name then). */
    public String name() {
        return caller.signedIn() ? caller.name() : null;
    }

    public boolean signedIn() {
        return caller.signedIn();
    }

    /** For templates: {viewer.hasRole('EDITOR')}. */
    public boolean hasRole(String role) {
        return caller.hasRole(role);
    }

    public boolean has(Role role) {
        return hasRole(role.name());
    }

    /** Staff pages for any member of staff: a reader is sent to sign in. */
    public void requireSignedIn(String returnTo) {
        if (!signedIn()) {
            throw new PageException(303, "/login?next=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Staff pages: a reader is sent to sign in; a member of staff without the role gets a 403 page. */
    public void require(Role role, String returnTo) {
        if (!signedIn()) {
            throw new PageException(303, "/login?next=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!has(role)) {
            throw new PageException(403, "This needs the " + role + " role, which your account does not have.");
        }
    }
}
