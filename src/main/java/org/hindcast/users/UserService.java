package org.hindcast.users;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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

    @Inject
    Sessions sessions;

    @Inject
    SignInLimits limits;

    /** Names the service itself writes into the audit log and the ledger: no person may hold them. */
    public static final Set<String> RESERVED = Set.of("anonymous", "corpus", "corpus-review", "system", "hindcast", "root");

    @Inject
    AdminConfig admin;

    @Inject
    org.hindcast.platform.PlatformConfig platform;

    /** The first admin comes from configuration; there is no built-in password outside dev and test. */
    void createFirstAdmin(@Observes StartupEvent start) {
        // A plain SQL count: no HQL is parsed before ready (the first request that needs it parses it).
        if (platform.readOnly() || ((Number) User.getEntityManager().createNativeQuery("select count(*) from app_user")
                .getSingleResult()).longValue() > 0) {
            return;
        }
        Optional<String> adminPassword = admin.password();
        if (adminPassword.isEmpty() || adminPassword.get().isBlank()) {
            LOG.warn("No users exist and hindcast.admin.password (HINDCAST_ADMIN_PASSWORD) is not set: "
                    + "the service is read-only until an admin is configured.");
            return;
        }
        try {
            checkPassword(adminPassword.get());
        } catch (ApiException e) {
            throw new IllegalStateException("HINDCAST_ADMIN_PASSWORD (hindcast.admin.password) is not usable: the "
                    + e.getMessage() + " Choose another and start again.");
        }
        User admin = new User();
        admin.username = this.admin.username().toLowerCase();
        admin.displayName = "Administrator";
        admin.passwordHash = Passwords.hash(adminPassword.get());
        admin.roles = EnumSet.of(Role.ADMIN);
        admin.persist();
        audit.record("system", "user.create", "user", admin.username, "first admin from configuration");
        LOG.infof("Created the first admin user '%s' from configuration.", admin.username);
    }

    public User create(String actor, String username, String displayName, String password, Set<Role> roles) {
        String name = username.trim().toLowerCase();
        if (RESERVED.contains(name)) {
            throw ApiException.badField("username", "'" + name + "' is reserved for the service's own records");
        }
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
        StaffNames.forget();
        return user;
    }

    public User update(String actor, String username, long version, String displayName, Set<Role> roles,
                       Boolean enabled, String password) {
        User user = find(username);
        if (user.version != version) {
            throw ApiException.conflict("The user was changed since version " + version + ".");
        }
        if (password != null) {
            checkPassword(password);
        }
        boolean wasAdmin = user.enabled && user.roles.contains(Role.ADMIN);
        boolean staysAdmin = (enabled == null ? user.enabled : enabled)
                && (roles == null ? user.roles : roles).contains(Role.ADMIN);
        if (wasAdmin && !staysAdmin) {
            keepAnotherAdmin(user);
        }
        StringBuilder detail = new StringBuilder();
        List<String> endsSessions = new java.util.ArrayList<>();
        if (displayName != null) {
            user.displayName = displayName;
            detail.append("name; ");
        }
        if (roles != null && !roles.equals(user.roles)) {
            detail.append("roles ").append(user.roles).append(" -> ").append(roles).append("; ");
            user.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
            endsSessions.add("roles changed");
        }
        if (enabled != null && enabled != user.enabled) {
            user.enabled = enabled;
            detail.append("enabled ").append(enabled).append("; ");
            if (!enabled) {
                endsSessions.add("disabled");
            }
        }
        if (password != null) {
            user.passwordHash = Passwords.hash(password);
            detail.append("password; ");
            endsSessions.add("password changed");
        }
        // Any change is a new version, roles included (an element collection does not bump it by itself),
        // so a PATCH made from an older read is refused.
        User.getEntityManager().flush();
        if (user.version == version) {
            User.getEntityManager().lock(user, jakarta.persistence.LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        if (!endsSessions.isEmpty()) {
            int ended = sessions.endAll(user.id, endsSessions.get(0));
            detail.append(ended).append(" session(s) ended; ");
        }
        audit.record(actor, "user.update", "user", user.username, detail.toString().trim());
        StaffNames.forget();
        return user;
    }

    /** An admin's unlock of an account's sign-in limits, from every address. */
    public int unlock(String actor, String username) {
        return limits.unlock(actor, find(username).username);
    }

    /**
     * Refuses a change that would leave no enabled admin. Admin changes are serialised by a transaction-level
     * advisory lock, so two concurrent demotions cannot each see the other as the remaining admin.
     */
    private void keepAnotherAdmin(User leaving) {
        var em = User.getEntityManager();
        em.createNativeQuery("select pg_advisory_xact_lock(7261001)").getSingleResult();
        long others = ((Number) em.createNativeQuery("select count(*) from app_user u join app_user_role r "
                        + "on r.user_id = u.id and r.role = 'ADMIN' where u.enabled and u.id <> :id")
                .setParameter("id", leaving.id).getSingleResult()).longValue();
        if (others == 0) {
            throw ApiException.conflict("'" + leaving.username + "' is the last enabled admin: make another "
                    + "admin first, or nobody could manage users any more.");
        }
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
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badField("password", "must not contain control characters (a keyboard cannot type them, "
                    + "and some bcrypt implementations stop reading at the first NUL)");
        }
        if (!Passwords.fitsBcrypt(password)) {
            throw ApiException.badField("password", "must be at most " + Passwords.MAX_BYTES
                    + " bytes in UTF-8 (bcrypt reads no further, so the rest would not count)");
        }
        if (CommonPasswords.isCommon(password)) {
            throw ApiException.badField("password", "is one of the passwords everyone tries first; choose another");
        }
    }
}
