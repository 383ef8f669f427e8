package org.hindcast.users;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one check of a user name and password, for HTTP Basic on the API and the sign-in page alike.
 * <ul>
 *   <li>A pair (name, address) that must wait is refused at once, without running bcrypt, so guessing costs
 *   the service nothing.</li>
 *   <li>Otherwise bcrypt runs for every name: unknown, disabled and enabled accounts take the same time, and
 *   the answer is the same refusal whatever was wrong.</li>
 * </ul>
 */
@ApplicationScoped
public class SignIn {

    @Inject
    SignInLimits limits;

    @Inject
    Credentials.Lookup lookup;

    /** The user's credentials when the password is right and the account may sign in; otherwise a refusal. */
    public Credentials check(String rawUsername, String password, String address) {
        String username = rawUsername == null ? "" : rawUsername.trim().toLowerCase(java.util.Locale.ROOT);
        SignInLimits.Standing standing = limits.standing(username, address);
        if (standing.locked()) {
            throw new AuthenticationFailedException();
        }
        Credentials user = lookup.find(username);
        boolean right;
        if (user == null) {
            Passwords.burnTime(password);
            right = false;
        } else if (!user.enabled()) {
            // Full bcrypt, never the remembered result: a disabled account must not answer faster when the password is right.
            Passwords.matches(password, user.passwordHash());
            right = false;
        } else {
            right = Passwords.matchesRemembered(password, user.passwordHash());
        }
        if (!right) {
            limits.failed(username, address);
            throw new AuthenticationFailedException();
        }
        if (standing.failuresRecorded()) {
            limits.succeeded(username, address);
        }
        return user;
    }

    /** What sign-in and sessions need of a user. */
    public record Credentials(long id, String username, String passwordHash, boolean enabled, Set<Role> roles) {

        /**
         * The read of a user's credentials: one statement on a connection of its own (no transaction, no
         * persistence context), since HTTP Basic reads them on every request. The enabled flag and the roles are
         * read every time, so a disabled account or a changed role counts at the next request.
         */
        @ApplicationScoped
        public static class Lookup {

            @Inject
            DataSource dataSource;

            public Credentials find(String username) {
                try (Connection c = dataSource.getConnection();
                     PreparedStatement s = c.prepareStatement("""
                             select u.id, u.username, u.password_hash, u.enabled,
                                    array(select r.role from app_user_role r where r.user_id = u.id)
                             from app_user u where u.username = ?""")) {
                    s.setString(1, username);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            return null;
                        }
                        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                        for (String role : (String[]) r.getArray(5).getArray()) {
                            roles.add(Role.valueOf(role));
                        }
                        return new Credentials(r.getLong(1), r.getString(2), r.getString(3), r.getBoolean(4), Set.copyOf(roles));
                    }
                } catch (SQLException e) {
                    throw new PersistenceException("could not read the credentials of a user", e);
                }
            }
        }

        static Credentials of(User u) {
            return new Credentials(u.id, u.username, u.passwordHash, u.enabled, Set.copyOf(u.roles));
        }
    }
}
