package org.hindcast.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;

/**
 * Every text field of the entity can be stored: PostgreSQL refuses a NUL character in text, and that refusal,
 * left to the database, would come back without the field's name. Checked when the entity is persisted or
 * updated, whichever door the value came through; the violation names the field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableText.Check.class)
public @interface StorableText {

    String message() default "holds a NUL character, which cannot be stored";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<StorableText, Object> {

        @Override
        public boolean isValid(Object entity, ConstraintValidatorContext context) {
            if (entity == null) {
                return true;
            }
            boolean valid = true;
            for (Class<?> c = entity.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    Object value;
                    try {
                        f.setAccessible(true);
                        value = f.get(entity);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        continue;
                    }
                    if (holdsNul(value)) {
                        if (valid) {
                            context.disableDefaultConstraintViolation();
                        }
                        valid = false;
                        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                                .addPropertyNode(f.getName()).addConstraintViolation();
                    }
                }
            }
            return valid;
        }

        private static boolean holdsNul(Object value) {
            if (value instanceof String s) {
                return s.indexOf('\u0000') >= 0;
            }
            if (value instanceof Collection<?> c && !(value instanceof org.hibernate.collection.spi.PersistentCollection<?> p
                    && !p.wasInitialized())) {
                return c.stream().anyMatch(v -> v instanceof String s && s.indexOf('\u0000') >= 0);
            }
            return false;
        }
    }
}
