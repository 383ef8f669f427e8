package org.hindcast.web.api;

import org.hindcast.users.Passwords;
import org.hindcast.users.Role;
import org.hindcast.users.User;
import org.hindcast.users.UserService;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.hindcast.web.Caller;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

@Path("/api/users")
@RolesAllowed("ADMIN")
public class UserResource {

    @Inject
    UserService users;

    @Inject
    Caller caller;

    public record NewUser(@NotBlank @Pattern(regexp = "^[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}$",
                                  message = "2-64 letters, digits, '.', '_' or '-'") String username,
                          @NotBlank @Size(max = 200) String displayName,
                          @NotNull @Size(min = 12, max = 200) String password,
                          @NotNull Set<Role> roles) {
    }

    public record UserChange(@NotNull Long version, @Size(min = 1, max = 200) String displayName, Set<Role> roles,
                             Boolean enabled, @Size(min = 12, max = 200) String password) {
    }

    public record UserView(String username, String displayName, Set<Role> roles, boolean enabled,
                           OffsetDateTime createdAt, long version) {
        static UserView of(User u) {
            return new UserView(u.username, u.displayName, Set.copyOf(u.roles), u.enabled, u.createdAt, u.version);
        }
    }

    @Operation(summary = "Staff accounts")
    @GET
    public List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @Operation(summary = "One staff account")
    @GET
    @Path("{username}")
    public UserView get(@PathParam("username") String username) {
        return UserView.of(users.find(username));
    }

    @Operation(summary = "Create a staff account", description = "Passwords: 12 characters to 72 bytes, not on the common list.")
    @POST
    public Response create(@Valid @NotNull NewUser body) {
        User user = users.create(caller.name(), body.username(), body.displayName(), body.password(), body.roles());
        return Response.created(URI.create("/api/users/" + user.username)).entity(UserView.of(User.findByUsername(user.username).orElseThrow())).build();
    }

    /** An admin's unlock: the account's sign-in limits are cleared for every address. */
    @Operation(summary = "Clear the sign-in limits of an account", description = "Ends the waits that failed sign-ins started, for every client address.")
    @DELETE
    @Path("{username}/sign-in-limits")
    public Response unlock(@PathParam("username") String username) {
        users.unlock(caller.name(), username);
        return Response.noContent().build();
    }

    @Operation(summary = "Change a staff account", description = "Roles, display name, password or enabled; send the version you read (409 when stale). Ends the account's sessions.")
    @PATCH
    @Path("{username}")
    public UserView update(@PathParam("username") String username, @Valid @NotNull UserChange body) {
        return UserView.of(User.findByUsername(users.update(caller.name(), username, body.version(), body.displayName(), body.roles(),
                body.enabled(), body.password()).username).orElseThrow());
    }
}
