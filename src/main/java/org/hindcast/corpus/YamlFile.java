package org.hindcast.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML file read as a tree, with the line of every field, so that a validation error can say
 * "forecasts.yaml:57: $.forecasts[3].probability: must be less than 1".
 */
public final class YamlFile {

    /** A key given twice is an error, not its last value (as in the API's JSON). */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private final JsonNode tree;
    private final byte[] bytes;
    /** Field lines, read on the first error only: finding them costs three times the parse itself. */
    private Map<String, Integer> lines;

    private YamlFile(JsonNode tree, byte[] bytes) {
        this.tree = tree;
        this.bytes = bytes;
    }

    /** Parses the file; a YAML syntax error is reported with its line. */
    public static YamlFile parse(String name, byte[] bytes) throws CorpusException {
        try {
            JsonNode tree = YAML.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new CorpusException(new CorpusError(name, 1, "$", "the file is empty"));
            }
            return new YamlFile(tree, bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CorpusException(new CorpusError(name, line, "$", "not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CorpusException(new CorpusError(name, 0, "$", "could not be read: " + e.getMessage()));
        }
    }

    private synchronized Map<String, Integer> lines() {
        if (lines == null) {
            Map<String, Integer> found = new HashMap<>();
            try (JsonParser p = YAML.getFactory().createParser(bytes)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    String path = toPath(p.getParsingContext().pathAsPointer().toString());
                    if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                        found.putIfAbsent(path, p.currentTokenLocation().getLineNr());
                    }
                }
            } catch (IOException e) {
                // parsed once already: cannot fail here; lines stay unknown (reported as line 1)
            }
            lines = found;
        }
        return lines;
    }

    public JsonNode tree() {
        return tree;
    }

    /** The line of a field given as "$.forecasts[3].probability", or of the nearest enclosing field. */
    public int lineOf(String path) {
        String p = path;
        while (true) {
            Integer line = lines().get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return lines().getOrDefault("$", 1);
            }
            p = p.substring(0, cut);
        }
    }

    /** "/forecasts/3/probability" -> "$.forecasts[3].probability" */
    static String toPath(String pointer) {
        StringBuilder path = new StringBuilder("$");
        if (pointer.isEmpty()) {
            return path.toString();
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            String unescaped = part.replace("~1", "/").replace("~0", "~");
            if (unescaped.matches("\\d+")) {
                path.append('[').append(unescaped).append(']');
            } else {
                path.append('.').append(unescaped);
            }
        }
        return path.toString();
    }
}
