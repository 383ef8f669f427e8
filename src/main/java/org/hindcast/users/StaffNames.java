package org.hindcast.users;

import io.quarkus.hibernate.orm.panache.Panache;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What readers see of a member of staff: the display name, never the login name, which would name the
 * account to attack. Acts by the importer ("corpus") or the service ("system") keep their names. The table of
 * users is small; it is read whole and kept for a few seconds, and a change of user drops the copy at once.
 */
public final class StaffNames {

    private static final long TTL_NANOS = 30_000_000_000L;
    private static volatile Map<String, String> names;
    private static volatile long loadedAt;

    private StaffNames() {
    }

    /** The display name for a login name, or the name itself for an actor that is no user. */
    public static String display(String username) {
        if (username == null) {
            return null;
        }
        return current().getOrDefault(username, username);
    }

    static void forget() {
        names = null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> current() {
        Map<String, String> copy = names;
        if (copy == null || System.nanoTime() - loadedAt > TTL_NANOS) {
            Map<String, String> loaded = new HashMap<>();
            for (Object[] row : (List<Object[]>) Panache.getEntityManager()
                    .createNativeQuery("select username, display_name from app_user").getResultList()) {
                loaded.put((String) row[0], (String) row[1]);
            }
            copy = Map.copyOf(loaded);
            names = copy;
            loadedAt = System.nanoTime();
        }
        return copy;
    }
}
