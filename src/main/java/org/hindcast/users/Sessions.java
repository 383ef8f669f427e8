package org.hindcast.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hindcast.audit.AuditLog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Page sessions, kept in the database (table user_session). The cookie holds 256 random bits; the table holds
 * their SHA-256. Every request with the cookie is checked here: a session that was ended (sign-out, password
 * change, disabled account, role change) or left idle past the timeout no longer signs anyone in.
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "hindcast-session";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    SignInConfig config;

    /** Starts a session for a user who just proved their password; returns the cookie's value. */
    @Transactional
    public String open(SignIn.Credentials user, String address) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery("insert into user_session (token_hash, user_id, address) values (:h, :u, :a)")
                .setParameter("h", hash(token)).setParameter("u", user.id())
                .setParameter("a", address == null ? null : address.substring(0, Math.min(64, address.length())))
                .executeUpdate();
        em.createNativeQuery("delete from user_session where user_id = :u and "
                        + "coalesce(ended_at, last_seen_at) < now() - interval '30 days'")
                .setParameter("u", user.id()).executeUpdate();
        audit.record(user.username(), "sign-in", "user", user.username(), "page session from " + address);
        return token;
    }

    /** The signed-in user of a live session, or null. Refreshes the idle clock at most once a minute. */
    @ActivateRequestContext
    @Transactional
    public SignIn.Credentials resolve(String token) {
        byte[] h = hash(token);
        if (h == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.user_id, s.last_seen_at < now() - interval '1 minute' "
                        + "from user_session s where s.token_hash = :h and s.ended_at is null "
                        + "and s.last_seen_at > now() - cast(:idle as interval)")
                .setParameter("h", h).setParameter("idle", config.sessionIdleTimeout().toSeconds() + " seconds")
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        User user = User.findById(((Number) rows.get(0)[0]).longValue());
        if (user == null || !user.enabled) {
            return null;
        }
        if (Boolean.TRUE.equals(rows.get(0)[1])) {
            em.createNativeQuery("update user_session set last_seen_at = now() where token_hash = :h")
                    .setParameter("h", h).executeUpdate();
        }
        return SignIn.Credentials.of(user);
    }

    /** Ends the session of this cookie (signing out). */
    @Transactional
    public void end(String token, String reason) {
        byte[] h = hash(token);
        if (h == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> who = em.createNativeQuery("update user_session s set ended_at = now(), ended_reason = :r "
                        + "from app_user u where u.id = s.user_id and s.token_hash = :h and s.ended_at is null "
                        + "returning u.username")
                .setParameter("r", reason).setParameter("h", h).getResultList();
        for (String username : who) {
            audit.record(username, "sign-out", "user", username, reason);
        }
    }

    /** Ends every session of a user, in the transaction of the change that calls for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int endAll(long userId, String reason) {
        return em.createNativeQuery("update user_session set ended_at = now(), ended_reason = :r "
                        + "where user_id = :u and ended_at is null")
                .setParameter("r", reason).setParameter("u", userId).executeUpdate();
    }

    static byte[] hash(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return null;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
