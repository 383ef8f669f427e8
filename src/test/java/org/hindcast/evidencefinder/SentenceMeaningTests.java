package org.hindcast.evidencefinder;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence finder's sentence model, piece by piece: the Java tokenizer gives the ids HuggingFace's own tokenizer
 * gives for all-MiniLM-L6-v2 (the expected ids were printed by {@code ai.djl.huggingface:tokenizers} 0.36.0 from the
 * same tokenizer.json; it agreed on all 131 sentences of the 2025 paper), the model runs in-process and places a
 * paraphrase nearer than an unrelated sentence, and words and meaning combine as documented.
 */
class SentenceMeaningTests {

    static final WordPieceTokenizer TOKENIZER;

    static {
        try (var in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(SentenceEmbedder.TOKENIZER)) {
            TOKENIZER = WordPieceTokenizer.fromTokenizerJson(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theTokenizerSplitsHyphensAndPunctuationAsHuggingFaceDoes() {
        assertArrayEquals(new long[]{101, 2859, 8686, 5035, 18528, 1011, 4895, 2007, 1996, 2117, 1011, 3284, 8778, 2012, 1996, 7700, 1012, 102},
                TOKENIZER.encode("China honored Kim Jong-un with the second-highest protocol at the parade.", 256));
    }

    @Test
    void theTokenizerKeepsCurlyQuotesAndDashesAndSplitsUnknownWordsIntoPieces() {
        assertArrayEquals(new long[]{101, 8418, 9743, 4691, 1521, 1055, 1523, 6143, 12645, 1524, 1517, 2012, 23957, 2278, 1999, 1043,
                        6672, 5063, 9103, 1010, 16798, 2629, 1006, 1057, 1012, 1055, 1012, 1007, 999, 102},
                TOKENIZER.encode("Xi Jinping’s “strategic autonomy” — at APEC in Gyeongju, 2025 (U.S.)!", 256));
    }

    @Test
    void theTokenizerStripsAccentsAndSpacesChineseCharacters() {
        assertArrayEquals(new long[]{101, 7668, 15743, 100, 100, 1839, 1052, 6672, 5063, 2696, 5937, 1005, 1055, 4895, 8671, 2666, 3567, 8553, 102},
                TOKENIZER.encode("Café naïve 習近平 Pyeongtaek's unbelievability", 256));
    }

    @Test
    void aLongTextIsCutToTheMaximumWithItsClosingToken() {
        long[] ids = TOKENIZER.encode("word ".repeat(1000), 256);
        assertEquals(256, ids.length);
        assertEquals(101, ids[0]);
        assertEquals(102, ids[255]);
    }

    @Test
    void theModelPlacesAParaphraseNearerThanAnUnrelatedSentence() {
        try (SentenceEmbedder model = new SentenceEmbedder()) {
            float[] forecast = model.embed("China-South Korea relations improve.");
            float[] paraphrase = model.embed("Recent South Korea-China relations seem to be on the mend.");
            float[] unrelated = model.embed("North Korea fired short-range ballistic missiles during the summit.");
            assertEquals(384, forecast.length);
            double norm = 0;
            for (float v : forecast) {
                norm += v * v;
            }
            assertEquals(1.0, norm, 1e-4, "of length one");
            double near = SentenceEmbedder.cosine(forecast, paraphrase);
            double far = SentenceEmbedder.cosine(forecast, unrelated);
            assertTrue(near > 0.6 && far < 0.4 && near > far + 0.3, "paraphrase " + near + ", unrelated " + far);
            assertArrayEquals(forecast, model.embed("China-South Korea relations improve."), "the same text, the same vector");
        }
    }

    @Test
    void wordsAndMeaningCombineAsDocumentedAndFindASentenceSharingNoWord() {
        List<EvidenceFinder.Sentence> sentences = List.of(
                new EvidenceFinder.Sentence(0, 10, "Relations are on the mend.", Set.of("mend")),
                new EvidenceFinder.Sentence(11, 20, "Relations with Japan improve.", Set.of("relat", "japan", "improv")),
                new EvidenceFinder.Sentence(21, 30, "The weather was fine.", Set.of("weather", "fine")));
        EvidenceFinder finder = new EvidenceFinder(sentences);
        EvidenceFinder.Forecast f = new EvidenceFinder.Forecast(7, Set.of("relat", "improv"), "Relations improve.");
        float[][] vectors = {{1, 0}, {0.6f, 0.8f}, {0, 1}};
        List<EvidenceFinder.Scored> out = new ArrayList<>();
        finder.scoreWithMeaning(f, new float[]{1, 0}, vectors, 0.5, 5, 0.2, out::add);
        // sentence 1 covers both words (coverage 1) at cosine 0.6: 0.5 * 1 + 0.5 * 0.6 = 0.8;
        // sentence 0 shares no word, cosine 1: 0.5; sentence 2, nothing: 0, below the bar
        assertEquals(2, out.size());
        assertEquals(1, out.get(0).sentence());
        assertEquals(0.8, out.get(0).score(), 1e-6);
        assertEquals(0, out.get(1).sentence());
        assertEquals(0.5, out.get(1).score(), 1e-6);
        assertEquals(0.0, out.get(1).coverage(), 1e-9);
        assertTrue(finder.describe(f, out.get(1)).reason().startsWith("shares none of the forecast's 2 words; its meaning is 100% alike"),
                finder.describe(f, out.get(1)).reason());
    }
}
