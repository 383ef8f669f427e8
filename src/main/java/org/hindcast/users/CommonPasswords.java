package org.hindcast.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The passwords everyone tries first (src/main/resources/users/common-passwords.txt): refused for staff accounts. */
public final class CommonPasswords {

    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        var in = CommonPasswords.class.getClassLoader().getResourceAsStream("users/common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("users/common-passwords.txt is missing");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    set.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }

    /** Common, or a common one with digits or punctuation added, or one character repeated. */
    public static boolean isCommon(String password) {
        String p = password.toLowerCase(Locale.ROOT);
        if (LIST.contains(p) || p.chars().distinct().count() <= 2) {
            return true;
        }
        String letters = p.replaceAll("[^a-z]", "");
        return letters.length() >= 4 && LIST.contains(letters) || LIST.contains(p.replaceAll("[\\d!@#$%^&*._-]+$", ""));
    }
}
