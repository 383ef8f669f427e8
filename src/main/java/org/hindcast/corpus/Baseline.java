package org.hindcast.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a re-import does with a record the ledger already has, from three facts: whether the file and the
 * ledger differ, whether the file changed since the record was last imported (its part of the file hashed
 * then and now), and whether the ledger changed since (its version then and now). Plain values.
 */
public record Baseline(String hash, Long version) {

    public static final Baseline NONE = new Baseline(null, null);

    public enum Step {
        /** The file and the ledger agree: nothing to change; the baseline is brought up to date. */
        AGREE,
        /** The file changed, the ledger did not: the file's change is applied. */
        APPLY,
        /** The ledger was corrected since the import and the file still says what it said: the correction stays. */
        KEEP_LEDGER,
        /** Both changed (or the record was never imported from a file): refused and reported. */
        CONFLICT
    }

    public Step decide(boolean differs, String fileHash, long currentVersion) {
        if (!differs) {
            return Step.AGREE;
        }
        if (hash != null && hash.equals(fileHash)) {
            return Step.KEEP_LEDGER;
        }
        if (version != null && version == currentVersion) {
            return Step.APPLY;
        }
        return Step.CONFLICT;
    }

    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The SHA-256 of a part of a file (a record of the file's documents), as canonical JSON. */
    public static String hashOf(Object part) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(part);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a corpus record", e);
        }
    }

    /** Hash of a few values (an author's or a theme's fields as a file gives them). */
    public static String hashOf(String... values) {
        return hashOf(java.util.Arrays.asList(values));
    }

}
