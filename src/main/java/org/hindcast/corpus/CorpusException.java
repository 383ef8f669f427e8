package org.hindcast.corpus;

import java.util.List;

/** A corpus file refused, with every problem found in it. */
public class CorpusException extends Exception {

    private final List<CorpusError> errors;

    public CorpusException(CorpusError error) {
        this(List.of(error));
    }

    public CorpusException(List<CorpusError> errors) {
        super(errors.isEmpty() ? "refused" : errors.get(0).toString());
        this.errors = List.copyOf(errors);
    }

    public List<CorpusError> errors() {
        return errors;
    }
}
