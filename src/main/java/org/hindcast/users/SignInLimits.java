package org.hindcast.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hindcast.audit.AuditLog;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Limits password guessing per (account, client address) pair, in PostgreSQL so that every replica sees the
 * same counts and a restart clears nothing. From its {@code freeFailures}-th failure on, a pair must wait before
 * its next try: {@code firstDelay}, then twice as long after each further failure, up to {@code maxDelay}. Only that pair waits:
 * a guesser elsewhere cannot lock the real user out. Every failure and every lock is in the audit log.
 */
@ApplicationScoped
public class SignInLimits {

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    SignInConfig config;

    /** A pair's standing: whether failures of it are recorded, and until when it must wait (null: it may try now). */
    public record Standing(boolean failuresRecorded, OffsetDateTime lockedUntil) {
        static final Standing CLEAR = new Standing(false, null);

        public boolean locked() {
            return lockedUntil != null;
        }
    }

    /**
     * The pair's standing. Costs one primary-key read, on a connection of its own without a transaction (a
     * single read needs none): HTTP Basic asks for it on every request.
     */
    public Standing standing(String username, String address) {
        // a row when failures are recorded; its wait only while it lasts
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select case when locked_until > now() then locked_until end "
                     + "from sign_in_limit where username = ? and address = ?")) {
            s.setString(1, key(username));
            s.setString(2, address(address));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Standing(true, r.getObject(1, OffsetDateTime.class)) : Standing.CLEAR;
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the sign-in limits", e);
        }
    }

    /** Counts a failure of the pair, and starts its wait once the free failures are spent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String username, String address) {
        String u = key(username);
        String a = address(address);
        int failures = ((Number) em.createNativeQuery("""
                        insert into sign_in_limit (username, address, failures, last_failure_at)
                        values (:u, :a, 1, now())
                        on conflict (username, address) do update set
                            failures = case when sign_in_limit.last_failure_at < now() - cast(:forget as interval)
                                            then 1 else sign_in_limit.failures + 1 end,
                            last_failure_at = now()
                        returning failures""")
                .setParameter("u", u).setParameter("a", a)
                .setParameter("forget", config.forgetAfter().toSeconds() + " seconds")
                .getSingleResult()).intValue();
        audit.record("anonymous", "sign-in.failure", "user", truncate(u, 100), "from " + a + ", failure " + failures);
        Duration wait = delayAfter(failures, config.freeFailures(), config.firstDelay(), config.maxDelay());
        if (!wait.isZero()) {
            em.createNativeQuery("update sign_in_limit set locked_until = now() + cast(:wait as interval) "
                            + "where username = :u and address = :a")
                    .setParameter("wait", wait.toMillis() + " milliseconds").setParameter("u", u).setParameter("a", a)
                    .executeUpdate();
            audit.record("system", "sign-in.lockout", "user", truncate(u, 100),
                    "from " + a + " after " + failures + " failures: next try in " + wait.toSeconds() + " s");
        }
    }

    /**
     * A success forgets the pair's failures. Called only when {@link #standing} found some: a success with none
     * recorded costs no transaction (a failure recorded between the two is kept, and counts).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String username, String address) {
        em.createNativeQuery("delete from sign_in_limit where username = :u and address = :a")
                .setParameter("u", key(username)).setParameter("a", address(address)).executeUpdate();
    }

    /** An admin's unlock: every address's failures for the account are forgotten. Returns how many pairs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int unlock(String actor, String username) {
        int pairs = em.createNativeQuery("delete from sign_in_limit where username = :u")
                .setParameter("u", key(username)).executeUpdate();
        audit.record(actor, "sign-in.unlock", "user", username, pairs + " address(es) cleared");
        return pairs;
    }

    /** The wait after the given number of failures: none before the free-th, then first, 2 x first, ... up to max. */
    static Duration delayAfter(int failures, int free, Duration first, Duration max) {
        int over = failures - free;
        if (over < 0) {
            return Duration.ZERO;
        }
        if (over > 40) {
            return max;
        }
        Duration d = first.multipliedBy(1L << over);
        return d.compareTo(max) > 0 ? max : d;
    }

    private static String key(String username) {
        return truncate(username == null ? "" : username, 200);
    }

    private static String address(String address) {
        return address == null ? "unknown" : truncate(address, 64);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
