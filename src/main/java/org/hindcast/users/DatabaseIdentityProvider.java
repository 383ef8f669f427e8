package org.hindcast.users;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/** Checks a user name and password against the users table (bcrypt). */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    UserLookup lookup;

    @Inject
    LoginThrottle throttle;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String username = request.getUsername() == null ? "" : request.getUsername().trim().toLowerCase();
            String password = new String(request.getPassword().getPassword());
            String address = address(request);
            if (throttle.locked(username, address)) {
                Passwords.burnTime(password);
                throw new AuthenticationFailedException();
            }
            UserLookup.Credentials user = lookup.find(username);
            if (user == null) {
                Passwords.burnTime(password);
                throttle.failed(username, address);
                throw new AuthenticationFailedException();
            }
            if (!user.enabled() || !Passwords.matchesRemembered(password, user.passwordHash())) {
                throttle.failed(username, address);
                throw new AuthenticationFailedException();
            }
            throttle.succeeded(username);
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(user.username()));
            user.roles().forEach(r -> identity.addRole(r.name()));
            return identity.build();
        });
    }

    private static String address(UsernamePasswordAuthenticationRequest request) {
        var context = io.quarkus.vertx.http.runtime.security.HttpSecurityUtils.getRoutingContextAttribute(request);
        return context == null || context.request().remoteAddress() == null ? null
                : context.request().remoteAddress().hostAddress();
    }

    /** The read of a user's credentials, in a request context and transaction of its own. */
    @ApplicationScoped
    public static class UserLookup {

        public record Credentials(String username, String passwordHash, boolean enabled, java.util.Set<Role> roles) {
        }

        @ActivateRequestContext
        @jakarta.transaction.Transactional
        public Credentials find(String username) {
            return User.findByUsername(username)
                    .map(u -> new Credentials(u.username, u.passwordHash, u.enabled, java.util.Set.copyOf(u.roles)))
                    .orElse(null);
        }
    }
}
