package org.hindcast.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers computed answers (track records, the author page's data, leaderboard pages) by the database
 * snapshot they were read from, so a prolific author's record is computed once per change of the ledger,
 * not once per reader.
 *
 * <p>Why it can never serve stale figures: each read runs in a REPEATABLE READ transaction of its own, whose
 * every statement sees one snapshot, and the cache key is that snapshot ({@code pg_current_snapshot()}: the
 * oldest running transaction, the next transaction id and the ones in progress) with today's date, which
 * overdue counts depend on. Two reads with the same snapshot see exactly the same rows, so they compute the
 * same answer. Any committed write assigns a transaction id and so changes the snapshot of every later read:
 * the next reader misses and computes afresh. Nothing needs invalidating, nothing is locked, and it holds on
 * every replica, since each asks its own database.
 *
 * <p>A hit is checked first with the snapshot alone, outside any transaction: an entry under that snapshot was
 * computed from exactly the data that snapshot shows. The cost is one statement per read; the memory is bounded by {@link #ENTRIES} answers, least recently
 * used out first. Under a steady stream of writes most reads miss, which is no worse than no cache.
 */
@ApplicationScoped
public class SnapshotCache {

    /** Answers kept; a prolific author's page is the largest, a few hundred kilobytes. */
    static final int ENTRIES = 256;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    Clock clock = Clock.systemUTC();

    private record Key(String kind, Object args, String snapshot, LocalDate today) {
    }

    private final Map<Key, Object> entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > ENTRIES;
        }
    });

    /**
     * The answer for {@code kind} and {@code args} (values with equals, such as a slug or a list of parameters)
     * as of the ledger's current snapshot: remembered, or computed by {@code compute} inside the snapshot's
     * transaction. The answer must be plain values (no entities), since it outlives the transaction.
     */
    @SuppressWarnings("unchecked")
    public <T> T read(String kind, Object args, Supplier<T> compute) {
        // A hit needs no transaction: whoever stored it computed it from exactly this snapshot.
        Object hit = entries.get(new Key(kind, args, currentSnapshot(), LocalDate.now(clock)));
        if (hit != null) {
            return (T) hit;
        }
        // One computation per answer at a time: the readers who miss together wait for the first, then hit.
        synchronized (STRIPES[Math.floorMod(Arrays.asList(kind, args).hashCode(), STRIPES.length)]) {
            return compute(kind, args, compute);
        }
    }

    /** Locks by answer (hashed into a fixed number, so no request can grow them). */
    private static final Object[] STRIPES = new Object[64];

    static {
        Arrays.setAll(STRIPES, i -> new Object());
    }

    @SuppressWarnings("unchecked")
    private <T> T compute(String kind, Object args, Supplier<T> compute) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("set transaction isolation level repeatable read").executeUpdate();
                String snapshot = (String) em.createNativeQuery("select cast(pg_current_snapshot() as text)").getSingleResult();
                Key key = new Key(kind, args, snapshot, LocalDate.now(clock));
                Object known = entries.get(key);
                if (known != null) {
                    return (T) known;
                }
                T computed = compute.get();
                entries.put(key, computed);
                return computed;
            });
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private String currentSnapshot() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select cast(pg_current_snapshot() as text)")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database snapshot: " + e.getMessage(), e);
        }
    }

    /** Arguments as one key value. */
    public static Object args(Object... values) {
        return Arrays.asList(values);
    }
}
