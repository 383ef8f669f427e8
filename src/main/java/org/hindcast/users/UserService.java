package org.hindcast.users;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hindcast.audit.AuditLog;
import org.hindcast.problems.ApiException;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
@Transactional
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);
    public static final int MIN_PASSWORD_LENGTH = 12;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "hindcast.admin.username", defaultValue = "admin")
    String adminUsername;

    @ConfigProperty(name = "hindcast.admin.password")
    Optional<String> adminPassword;

    @ConfigProperty(name = "hindcast.read-only", defaultValue = "false")
    boolean readOnly;

    /** The first admin comes from configuration; there is no built-in password outside dev and test. */
    void createFirstAdmin(@Observes StartupEvent start) {
        if (readOnly || User.count() > 0) {
            return;
        }
        if (adminPassword.isEmpty() || adminPassword.get().isBlank()) {
            LOG.warn("No users exist and hindcast.admin.password (HINDCAST_ADMIN_PASSWORD) is not set: "
                    + "the service is read-only until an admin is configured.");
            return;
        }
        User admin = new User();
        admin.username = adminUsername.toLowerCase();
        admin.displayName = "Administrator";
        admin.passwordHash = Passwords.hash(adminPassword.get());
        admin.roles = EnumSet.of(Role.ADMIN);
        admin.persist();
        audit.record("system", "user.create", "user", admin.username, "first admin from configuration");
        LOG.infof("Created the first admin user '%s' from configuration.", admin.username);
    }

    public User create(String actor, String username, String displayName, String password, Set<Role> roles) {
        String name = username.trim().toLowerCase();
        if (User.findByUsername(name).isPresent()) {
            throw ApiException.conflict("A user named '" + name + "' already exists.");
        }
        checkPassword(password);
        User user = new User();
        user.username = name;
        user.displayName = displayName;
        user.passwordHash = Passwords.hash(password);
        user.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        user.persist();
        audit.record(actor, "user.create", "user", name, "roles " + user.roles);
        return user;
    }

    public User update(String actor, String username, long version, String displayName, Set<Role> roles,
                       Boolean enabled, String password) {
        User user = find(username);
        if (user.version != version) {
            throw ApiException.conflict("The user was changed since version " + version + ".");
        }
        StringBuilder detail = new StringBuilder();
        if (displayName != null) {
            user.displayName = displayName;
            detail.append("name; ");
        }
        if (roles != null) {
            detail.append("roles ").append(user.roles).append(" -> ").append(roles).append("; ");
            user.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        }
        if (enabled != null) {
            user.enabled = enabled;
            detail.append("enabled ").append(enabled).append("; ");
        }
        if (password != null) {
            checkPassword(password);
            user.passwordHash = Passwords.hash(password);
            detail.append("password; ");
        }
        User.getEntityManager().flush();
        audit.record(actor, "user.update", "user", user.username, detail.toString().trim());
        return user;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<User> list() {
        return User.listAll(io.quarkus.panache.common.Sort.by("username"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public User find(String username) {
        return User.findByUsername(username).orElseThrow(() -> ApiException.notFound("user", username));
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw ApiException.badField("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 200) {
            throw ApiException.badField("password", "must be at most 200 characters");
        }
        if (CommonPasswords.isCommon(password)) {
            throw ApiException.badField("password", "is one of the passwords everyone tries first; choose another");
        }
    }
}
