package org.hindcast.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
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
import java.util.Arrays;
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
 * computed from exactly the data that snapshot shows. The cost is one statement per read; the memory is bounded by
 * {@link #ENTRIES} answers (a Caffeine cache: concurrent, no lock shared by all readers, hits and misses in the metrics). Under a steady stream of writes most reads miss, which is no worse than no cache.
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

    /** Bounded by {@link #ENTRIES} (Caffeine's W-TinyLFU keeps those read most), with hits and misses counted. */
    private final Cache<Key, Object> entries = Caffeine.newBuilder().maximumSize(ENTRIES).recordStats().build();

    @Inject
    MeterRegistry registry;

    /** Hits, misses and evictions in the metrics ({@code cache_gets_total{cache="snapshot-answers"}}), with the hit ratio. */
    void register(@Observes StartupEvent start) {
        Caches.monitor(registry, entries, "snapshot-answers");
    }

    /**
     * The answer for {@code kind} and {@code args} (values with equals, such as a slug or a list of parameters)
     * as of the ledger's current snapshot: remembered, or computed by {@code compute} inside the snapshot's
     * transaction. The answer must be plain values (no entities), since it outlives the transaction.
     */
    public <T> T read(String kind, Object args, Supplier<T> compute) {
        return read(now(), kind, args, compute).value();
    }

    /**
     * An answer not read yet: its entity tag as of now is known by one statement ({@link Answer#tag()}), so that a
     * client holding that tag is answered 304 without the answer being read; {@link Answer#read()} reads it.
     */
    public <T> Answer<T> answer(String kind, Object args, Supplier<T> compute) {
        return new Answer<>(kind, args, compute);
    }

    /** See {@link #answer}. Not shared between requests. */
    public final class Answer<T> {
        private final String kind;
        private final Object args;
        private final Supplier<T> compute;
        private Snapshot at;

        private Answer(String kind, Object args, Supplier<T> compute) {
            this.kind = kind;
            this.args = args;
            this.compute = compute;
        }

        private Snapshot at() {
            if (at == null) {
                at = now();
            }
            return at;
        }

        /** The tag the answer has as of now. */
        public String tag() {
            return at().tag(kind, args);
        }

        /** The answer with the tag of the snapshot it was computed from (a write may have come since {@link #tag()}). */
        public Tagged<T> read() {
            return SnapshotCache.this.read(at(), kind, args, compute);
        }
    }

    /** The ledger's snapshot as of now (one statement), by which answers are remembered and tagged. */
    public Snapshot now() {
        return new Snapshot(currentSnapshot(), LocalDate.now(clock));
    }

    /** A snapshot of the ledger and the day: two reads under the same one compute the same answer. */
    public record Snapshot(String snapshot, LocalDate today) {
        /**
         * The entity tag of an answer under this snapshot: the same as long as no write commits and the day does not
         * change, so that a client's revalidation is answered 304 by one statement. Weak: the same answer may be sent
         * compressed or not.
         */
        public String tag(String kind, Object args) {
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                sha.update((kind + "\u0000" + args + "\u0000" + snapshot + "\u0000" + today).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(sha.digest(), 0, 12);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An answer with the entity tag of the snapshot it was computed from. */
    public record Tagged<T>(T value, String tag) {
    }

    /**
     * The answer as of {@code now} if it is remembered, else computed under the ledger's snapshot at that moment
     * (which a write may have moved on since {@code now}): with the tag of the snapshot it was computed from.
     */
    @SuppressWarnings("unchecked")
    public <T> Tagged<T> read(Snapshot now, String kind, Object args, Supplier<T> compute) {
        // A hit needs no transaction: whoever stored it computed it from exactly this snapshot.
        Object hit = entries.getIfPresent(new Key(kind, args, now.snapshot(), now.today()));
        if (hit != null) {
            return new Tagged<>((T) hit, now.tag(kind, args));
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
    private <T> Tagged<T> compute(String kind, Object args, Supplier<T> compute) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("set transaction isolation level repeatable read").executeUpdate();
                String snapshot = (String) em.createNativeQuery("select cast(pg_current_snapshot() as text)").getSingleResult();
                Snapshot at = new Snapshot(snapshot, LocalDate.now(clock));
                Key key = new Key(kind, args, at.snapshot(), at.today());
                Object known = entries.asMap().get(key);
                if (known != null) {
                    return new Tagged<>((T) known, at.tag(kind, args));
                }
                T computed = compute.get();
                entries.put(key, computed);
                return new Tagged<>(computed, at.tag(kind, args));
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
