package org.hindcast.corpus;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The JSON Schemas of the corpus files (src/main/resources/corpus/*.schema.json), applied to YAML. */
@ApplicationScoped
public class CorpusSchemas {

    private final JsonSchema paper = load("corpus/paper.schema.json");
    private final JsonSchema themes = load("corpus/themes.schema.json");

    private static JsonSchema load(String resource) {
        try (InputStream in = CorpusSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void checkPaper(String name, YamlFile file) throws CorpusException {
        check(name, file, paper);
    }

    public void checkThemes(String name, YamlFile file) throws CorpusException {
        check(name, file, themes);
    }

    private static void check(String name, YamlFile file, JsonSchema schema) throws CorpusException {
        Set<ValidationMessage> messages = schema.validate(file.tree());
        if (messages.isEmpty()) {
            return;
        }
        List<CorpusError> errors = new ArrayList<>();
        for (ValidationMessage m : messages) {
            String path = m.getInstanceLocation().toString();
            String field = m.getProperty() != null && "required".equals(m.getType()) ? path + "." + m.getProperty() : path;
            String text = m.getMessage();
            if (text.startsWith(path + ": ")) {
                text = text.substring(path.length() + 2);
            }
            errors.add(new CorpusError(name, file.lineOf(path), field, text));
        }
        errors.sort(Comparator.comparingInt(CorpusError::line).thenComparing(CorpusError::field));
        throw new CorpusException(errors);
    }
}
