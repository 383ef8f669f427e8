package org.hindcast.pages;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.hindcast.users.Role;

/** Who is looking at a page: anonymous readers, or signed-in staff with their roles. */
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    public String name() {
        return signedIn() ? identity.getPrincipal().getName() : null;
    }

    /**
     * Signed in, as far as the page can know: an error page for an address nothing answers to is rendered on the
     * I/O thread, where the session may not be looked up (that would block); such a page is drawn for a reader.
     */
    public boolean signedIn() {
        return io.quarkus.runtime.BlockingOperationControl.isBlockingAllowed() && !identity.isAnonymous();
    }

    /** For templates: {viewer.hasRole('EDITOR')}. */
    public boolean hasRole(String role) {
        return signedIn() && identity.hasRole(role);
    }

    public boolean has(Role role) {
        return hasRole(role.name());
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
