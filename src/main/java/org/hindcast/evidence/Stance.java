package org.hindcast.evidence;

/** What a piece of evidence says of its forecast's statement. */
public enum Stance {
    SUPPORTS, REFUTES, CONTEXT
}
