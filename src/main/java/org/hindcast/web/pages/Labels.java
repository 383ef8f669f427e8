package org.hindcast.web.pages;

import io.quarkus.qute.TemplateExtension;
import org.hindcast.evidence.Stance;
import org.hindcast.forecasts.ForecastStatus;
import org.hindcast.forecasts.ProbabilityBasis;
import org.hindcast.forecasts.ResolveByBasis;
import org.hindcast.forecasts.Speaker;
import org.hindcast.resolutions.Outcome;
import org.hindcast.users.Role;

/** What the ledger's names read as on a page: {f.status.label}, {basis.label}. The API keeps the names. */
@TemplateExtension
public final class Labels {

    private Labels() {
    }

    static String label(ForecastStatus status) {
        return switch (status) {
            case PENDING -> "Pending";
            case TRUE -> "Came true";
            case FALSE -> "Did not happen";
            case PARTIAL -> "Partly true";
            case ANNULLED -> "Annulled";
            case AMBIGUOUS -> "Ambiguous";
            case WITHDRAWN -> "Withdrawn";
        };
    }

    static String label(Outcome outcome) {
        return switch (outcome) {
            case TRUE -> "True: it happened";
            case FALSE -> "False: it did not happen";
            case PARTIAL -> "Partly true (give the credit)";
            case ANNULLED -> "Annulled: the question no longer stands";
            case AMBIGUOUS -> "Ambiguous: cannot be judged";
        };
    }

    static String label(Stance stance) {
        return switch (stance) {
            case SUPPORTS -> "Supports";
            case REFUTES -> "Refutes";
            case CONTEXT -> "Context";
        };
    }

    static String label(ProbabilityBasis basis) {
        return switch (basis) {
            case PRINTED -> "A number printed in the paper";
            case PHRASE_TABLE -> "The phrase, read by the phrase table";
            case EDITOR -> "The editor's judgement";
        };
    }

    static String label(ResolveByBasis basis) {
        return switch (basis) {
            case STATED -> "Stated in the text";
            case INFERRED -> "Inferred from the text";
            case EDITOR -> "The editor's choice";
        };
    }

    static String label(Speaker speaker) {
        return switch (speaker) {
            case AUTHORS -> "The paper's authors";
            case THIRD_PARTY -> "Someone the paper quotes";
        };
    }

    static String label(Role role) {
        return switch (role) {
            case EDITOR -> "Editor";
            case ANALYST -> "Analyst";
            case REVIEWER -> "Reviewer";
            case ADMIN -> "Administrator";
        };
    }
}
