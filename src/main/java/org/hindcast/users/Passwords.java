package org.hindcast.users;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt hashing and checking of staff passwords. */
public final class Passwords {

    /** Checked against when a user name is unknown, so an unknown name costs as much time as a wrong password. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-real-password-at-all");

    private Passwords() {
    }

    public static String hash(String password) {
        if (!fitsBcrypt(password)) {
            throw new IllegalArgumentException("a password longer than " + MAX_BYTES + " bytes cannot be hashed whole");
        }
        return BcryptUtil.bcryptHash(password);
    }

    /** bcrypt reads at most 72 bytes of a password: a longer one is refused, never silently cut short. */
    public static final int MAX_BYTES = 72;

    public static boolean fitsBcrypt(String password) {
        return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    public static boolean matches(String password, String hash) {
        if (password == null || !fitsBcrypt(password)) {
            return false;
        }
        try {
            Password raw = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT);
            BCryptPassword restored = (BCryptPassword) factory.translate(raw);
            return factory.verify(restored, password.toCharArray());
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * bcrypt costs tens of milliseconds by design, and HTTP Basic sends the password with every request.
     * A successful check is remembered by a SHA-256 of (stored hash, password): a changed password changes
     * the stored hash and so misses the cache; the user's enabled flag and roles are still read every time.
     */
    public static boolean matchesRemembered(String password, String hash) {
        String key = fingerprint(hash, password);
        if (VERIFIED.containsKey(key)) {
            return true;
        }
        boolean ok = matches(password, hash);
        if (ok) {
            if (VERIFIED.size() >= 10_000) {
                VERIFIED.clear();
            }
            VERIFIED.put(key, Boolean.TRUE);
        }
        return ok;
    }

    private static final java.util.Map<String, Boolean> VERIFIED = new java.util.concurrent.ConcurrentHashMap<>();

    private static String fingerprint(String hash, String password) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(hash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void burnTime(String password) {
        matches(password == null || fitsBcrypt(password) ? password : "x", DUMMY_HASH);
    }
}
