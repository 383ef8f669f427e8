package org.hindcast.users;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request that names a page session by the token of its cookie. */
public class SessionRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
