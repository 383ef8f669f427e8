package org.hindcast.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The corpus files to import: from a directory, or the copy packaged in the application. */
public final class CorpusSource {

    public record Entry(String name, byte[] bytes) {
    }

    static final String PACKAGED = "corpus/files";

    private CorpusSource() {
    }

    public static List<Entry> directory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Entry> entries = new ArrayList<>();
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".yaml")
                    || f.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                entries.add(new Entry(p.getFileName().toString(), Files.readAllBytes(p)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the corpus directory " + dir, e);
        }
    }

    /** The files packaged under corpus/files at build time (from forecasts/). */
    public static List<Entry> packaged() {
        URL url = CorpusSource.class.getClassLoader().getResource(PACKAGED);
        if (url == null) {
            return List.of();
        }
        try {
            if (url.getProtocol().equals("file")) {
                return directory(Path.of(url.toURI()));
            }
            if (url.getProtocol().equals("jar")) {
                List<Entry> entries = new ArrayList<>();
                var jar = ((JarURLConnection) url.openConnection()).getJarFile();
                var names = jar.stream().map(java.util.zip.ZipEntry::getName)
                        .filter(n -> n.startsWith(PACKAGED + "/") && n.endsWith(".yaml"))
                        .sorted(Comparator.naturalOrder()).toList();
                for (String n : names) {
                    try (InputStream in = jar.getInputStream(jar.getEntry(n))) {
                        entries.add(new Entry(n.substring(PACKAGED.length() + 1), in.readAllBytes()));
                    }
                }
                return entries;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("Cannot list the packaged corpus at " + url);
    }
}
