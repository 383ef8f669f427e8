package org.hindcast.users;

/** The staff roles. Readers need none: every public GET is open. */
public enum Role {
    EDITOR, ANALYST, REVIEWER, ADMIN
}
