package org.hindcast.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who is making the current request: the one place the web layer asks, for the JSON API, the pages and the audit
 * log. A reader who is not signed in is {@link #ANONYMOUS} in the records and has no name on the pages.
 */
@RequestScoped
public class Caller {

    /** How the records name a request nobody signed in for. */
    public static final String ANONYMOUS = "anonymous";

    @Inject
    SecurityIdentity identity;

    /**
     * Signed in, as far as the request can know: an error page for an address nothing answers to is rendered on the
     * I/O thread, where the session may not be looked up (that would block); such a request counts as a reader's.
     */
    public boolean signedIn() {
        return io.quarkus.runtime.BlockingOperationControl.isBlockingAllowed() && !identity.isAnonymous();
    }

    /** The account's name, or {@link #ANONYMOUS}: what the audit log and the ownership rules record. */
    public String name() {
        return signedIn() ? identity.getPrincipal().getName() : ANONYMOUS;
    }

    public boolean hasRole(String role) {
        return signedIn() && identity.hasRole(role);
    }
}
