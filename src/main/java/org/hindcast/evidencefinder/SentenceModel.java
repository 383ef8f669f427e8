package org.hindcast.evidencefinder;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence finder's sentence model in the service: loaded on first use (start-up does not pay for it), shared by
 * all requests, and remembered absent when this platform cannot run it (the finder then ranks by words alone and
 * says so). A paper's sentence embeddings are kept for the last few papers asked about, by the digest of their text.
 */
@ApplicationScoped
public class SentenceModel {

    private static final int PAPERS_KEPT = 8;

    private volatile SentenceEmbedder embedder;
    private volatile String unavailable;
    private final Map<String, float[][]> papers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[][]> eldest) {
            return size() > PAPERS_KEPT;
        }
    };

    /** The model, or empty when it cannot run here (the reason is logged once and kept in {@link #unavailable()}). */
    public Optional<SentenceEmbedder> embedder() {
        if (embedder == null && unavailable == null) {
            synchronized (this) {
                if (embedder == null && unavailable == null) {
                    try {
                        long began = System.nanoTime();
                        embedder = new SentenceEmbedder();
                        Log.infof("Evidence finder: sentence model loaded in %d ms", (System.nanoTime() - began) / 1_000_000);
                    } catch (RuntimeException | LinkageError e) {
                        unavailable = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                        Log.warnf("Evidence finder: the sentence model cannot run here (%s); proposals are ranked by words alone", unavailable);
                    }
                }
            }
        }
        return Optional.ofNullable(embedder);
    }

    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** The embeddings of a paper's sentences, in order (computed once per text while it is among the last few). */
    public float[][] sentences(SentenceEmbedder model, List<String> sentences) {
        String key = digest(sentences);
        synchronized (papers) {
            float[][] known = papers.get(key);
            if (known != null) {
                return known;
            }
        }
        float[][] vectors = new float[sentences.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = model.embed(sentences.get(i));
        }
        synchronized (papers) {
            papers.put(key, vectors);
        }
        return vectors;
    }

    private static String digest(List<String> sentences) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String s : sentences) {
                sha.update(s.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        if (embedder != null) {
            embedder.close();
        }
    }
}
