package org.hindcast.users;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Signs in the requests of a page session (the hindcast-session cookie). A cookie whose session has ended is
 * removed and the request goes on as a reader's, so a signed-out browser sees the public page, not an error.
 * It never challenges: API clients get HTTP Basic's challenge, pages send readers to /login themselves.
 */
@ApplicationScoped
public class SessionCookieMechanism implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(Sessions.COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager
                .authenticate(HttpSecurityUtils.setRoutingContextAttribute(new SessionRequest(cookie.getValue()), context))
                .onFailure().recoverWithItem(failure -> {
                    if (org.hindcast.problems.DatabaseDown.is(failure)) {
                        return null; // the session may be fine: the page answers 503 without signing anyone out
                    }
                    context.response().addCookie(Cookie.cookie(Sessions.COOKIE, "").setPath("/").setMaxAge(0)
                            .setHttpOnly(true));
                    return null;
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, Sessions.COOKIE));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100; // after HTTP Basic: an Authorization header wins, and Basic challenges
    }
}
