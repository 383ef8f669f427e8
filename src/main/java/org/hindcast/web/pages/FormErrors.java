package org.hindcast.web.pages;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.hindcast.problems.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Field name to message, for putting each error next to its field; "form" holds errors of no one field. */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, String> of(ApiException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.errors() != null && !e.errors().isEmpty()) {
            e.errors().forEach(f -> errors.putIfAbsent(base(f.field()), f.message()));
        } else {
            errors.put("form", e.getMessage());
        }
        return errors;
    }

    /** Field errors added to those a form already has, each field keeping its first message. */
    public static Map<String, String> merge(Map<String, String> errors, java.util.List<org.hindcast.problems.Problem.FieldError> more) {
        more.forEach(f -> errors.putIfAbsent(base(f.field()), f.message()));
        return errors;
    }

    public static <T> Map<String, String> of(Set<ConstraintViolation<T>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<T> v : violations) {
            errors.putIfAbsent(base(v.getPropertyPath().toString()), v.getMessage());
        }
        return errors;
    }

    public static Map<String, String> of(ConstraintViolationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> errors.putIfAbsent(base(v.getPropertyPath().toString()), v.getMessage()));
        return errors;
    }

    /** "themes[0]" and "authors[1].slug" belong to the "themes" and "authors" fields of a form. */
    static String base(String field) {
        int cut = field.indexOf('[');
        return cut > 0 ? field.substring(0, cut) : field;
    }
}
