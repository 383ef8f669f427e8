package org.hindcast.users;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hindcast.platform.ClientAddress;

/** HTTP Basic on the API: the user name and password go through the same {@link SignIn} as the sign-in page. */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    SignIn signIn;

    @Inject
    ClientAddress clients;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            var routing = HttpSecurityUtils.getRoutingContextAttribute(request);
            String address = routing == null ? null : clients.of(routing.request());
            return identity(signIn.check(request.getUsername(), new String(request.getPassword().getPassword()), address));
        });
    }

    static SecurityIdentity identity(SignIn.Credentials user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username()));
        user.roles().forEach(r -> identity.addRole(r.name()));
        return identity.build();
    }
}
