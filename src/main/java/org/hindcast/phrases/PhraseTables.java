package org.hindcast.phrases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The phrase tables shipped in {@code src/main/resources/phrases/}, one file per version. The current
 * version (hindcast.phrases.version) is what new forecasts use; older versions stay readable so that a
 * forecast logged with one can still be explained and recomputed.
 */
@ApplicationScoped
public class PhraseTables {

    @Inject
    PhraseConfig config;

    private final Map<String, PhraseTable> loaded = new ConcurrentHashMap<>();

    public PhraseTable current() {
        return version(config.version()).orElseThrow(() -> new IllegalStateException(
                "No phrase table 'phrases/phrase-table-" + config.version() + ".yaml' (hindcast.phrases.version)"));
    }

    public Optional<PhraseTable> version(String version) {
        if (version == null || !version.matches("[0-9A-Za-z._-]{1,32}")) {
            return Optional.empty();
        }
        PhraseTable table = loaded.get(version);
        if (table == null) {
            table = load(version);
            if (table != null) {
                loaded.put(version, table);
            }
        }
        return Optional.ofNullable(table);
    }

    public static PhraseTable load(String version) {
        String path = "phrases/phrase-table-" + version + ".yaml";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            return parse(in.readAllBytes(), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PhraseTable parse(byte[] yaml, String name) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        String version = root.path("version").asText(null);
        if (version == null) {
            throw new IllegalArgumentException(name + ": no 'version'");
        }
        List<PhraseTable.Entry> entries = new ArrayList<>();
        for (JsonNode e : root.path("entries")) {
            List<String> variants = new ArrayList<>();
            e.path("variants").forEach(v -> variants.add(v.asText()));
            entries.add(new PhraseTable.Entry(e.path("phrase").asText(), variants,
                    e.path("band").path(0).asDouble(), e.path("band").path(1).asDouble(),
                    e.path("point").asDouble(), e.path("basis").asText()));
        }
        return new PhraseTable(version, entries);
    }
}
