package io.verbund.acd.portal.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources (classes, or single methods) whose successful writes (POST, PUT, PATCH, DELETE)
 * {@link AuditRecorder} records in the audit log. Every write method of the API carries this or
 * {@link NotAudited}; a unit test fails for one that carries neither.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Audited {

    /** The kind of thing, as the audit log names it: {@code group}, {@code user}, {@code api-token}, … */
    String value();
}
