package org.hindcast.resolutions;

import org.hindcast.problems.Problem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a verdict, as plain code over plain values: the same code for the JSON API, the staff page and both
 * import paths. {@link #check} answers every field a verdict gets wrong at once; the shape of the request (a blank
 * rationale, a missing outcome) is said by the constraints of {@link ResolutionService.Verdict}.
 */
public final class VerdictRules {

    private VerdictRules() {
    }

    /** Every rule of a verdict on a forecast made on {@code madeOn}, already resolved or not. */
    public static List<FieldError> check(ResolutionService.Verdict v, boolean resolvedBefore, LocalDate madeOn, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (resolvedBefore && (v.reason() == null || v.reason().isBlank())) {
            errors.add(new FieldError("reason", "the forecast is already resolved; say why it is re-resolved"));
        }
        if (v.outcome() == Outcome.PARTIAL && v.credit() == null) {
            errors.add(new FieldError("credit", "a PARTIAL outcome needs a credit between 0 and 1"));
        }
        if (v.outcome() != null && v.outcome() != Outcome.PARTIAL && v.credit() != null) {
            errors.add(new FieldError("credit", "only a PARTIAL outcome takes a credit"));
        }
        if (v.resolvedOn() != null) {
            if (v.resolvedOn().isAfter(today)) {
                errors.add(new FieldError("resolvedOn", "is in the future"));
            }
            if (v.resolvedOn().isBefore(madeOn)) {
                errors.add(new FieldError("resolvedOn", "is before the forecast was made (" + madeOn + ")"));
            }
        }
        return List.copyOf(errors);
    }

    /** The credit an outcome gives: 1 for TRUE, 0 for FALSE, the given one for PARTIAL, none (unscored) otherwise. */
    public static Double credit(Outcome outcome, Double partialCredit) {
        return switch (outcome) {
            case TRUE -> 1.0;
            case FALSE -> 0.0;
            case PARTIAL -> partialCredit;
            case ANNULLED, AMBIGUOUS -> null;
        };
    }

    /** Reached before the forecast's resolve-by date: allowed, and said. */
    public static boolean early(LocalDate resolvedOn, LocalDate resolveBy) {
        return resolvedOn.isBefore(resolveBy);
    }

    /** Who may not judge a forecast: whoever logged it or corrected it. Empty when the reviewer may. */
    public static Optional<String> mayResolve(String reviewer, String loggedBy, boolean correctedByReviewer) {
        if (reviewer.equals(loggedBy)) {
            return Optional.of("You logged this forecast, so another reviewer must resolve it.");
        }
        if (correctedByReviewer) {
            return Optional.of("You corrected this forecast, so another reviewer must resolve it.");
        }
        return Optional.empty();
    }
}
