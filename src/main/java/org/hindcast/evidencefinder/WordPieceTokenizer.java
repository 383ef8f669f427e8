package org.hindcast.evidencefinder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as the HuggingFace {@code tokenizer.json} of all-MiniLM-L6-v2 describes it
 * (BertNormalizer: clean text, spaces around CJK characters, lower case, accents stripped; BertPreTokenizer: split on
 * white space and on every punctuation character; WordPiece: greedy longest match with {@code ##} continuations,
 * {@code [UNK]} for a word of more than 100 characters or with no match), framed by {@code [CLS]} and {@code [SEP]}.
 * Plain Java, so that no native tokenizer (none is published for every laptop) is needed.
 */
public final class WordPieceTokenizer {

    private final Map<String, Integer> vocab;
    private final int unk;
    private final int cls;
    private final int sep;

    public WordPieceTokenizer(Map<String, Integer> vocab) {
        this.vocab = Map.copyOf(vocab);
        this.unk = id("[UNK]");
        this.cls = id("[CLS]");
        this.sep = id("[SEP]");
    }

    private int id(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("the vocabulary has no " + token);
        }
        return id;
    }

    /** The vocabulary of a HuggingFace {@code tokenizer.json} whose model is WordPiece. */
    public static WordPieceTokenizer fromTokenizerJson(InputStream json) throws IOException {
        JsonNode model = new ObjectMapper().readTree(json).path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new IOException("not a WordPiece tokenizer: " + model.path("type").asText());
        }
        Map<String, Integer> vocab = new HashMap<>();
        model.path("vocab").fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
        return new WordPieceTokenizer(vocab);
    }

    /** The token ids of a text, {@code [CLS]} first and {@code [SEP]} last, at most {@code maxLength} in all. */
    public long[] encode(String text, int maxLength) {
        List<Integer> ids = new ArrayList<>();
        ids.add(cls);
        for (String word : preTokenize(normalize(text))) {
            if (ids.size() >= maxLength - 1) {
                break;
            }
            wordPiece(word, ids);
        }
        while (ids.size() > maxLength - 1) {
            ids.remove(ids.size() - 1);
        }
        ids.add(sep);
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i);
        }
        return out;
    }

    static String normalize(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                clean.append(' ');
            } else if (isCjk(c)) {
                clean.append(' ').appendCodePoint(c).append(' ');
            } else {
                clean.appendCodePoint(c);
            }
        });
        String lower = clean.toString().toLowerCase(java.util.Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(out::appendCodePoint);
        return out.toString();
    }

    static List<String> preTokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == ' ') {
                flush(word, words);
            } else if (isPunctuation(c)) {
                flush(word, words);
                words.add(new String(Character.toChars(c)));
            } else {
                word.appendCodePoint(c);
            }
        });
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private void wordPiece(String word, List<Integer> ids) {
        if (word.codePointCount(0, word.length()) > 100) {
            ids.add(unk);
            return;
        }
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String piece = (start > 0 ? "##" : "") + word.substring(start, end);
                found = vocab.get(piece);
                if (found != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (found == null) {
                ids.add(unk);
                return;
            }
            pieces.add(found);
            start = end;
        }
        ids.addAll(pieces);
    }

    static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
