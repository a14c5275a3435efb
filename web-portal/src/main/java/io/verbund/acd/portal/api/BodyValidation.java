package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a request body against its Bean Validation constraints and answers every broken one at
 * once, as field problems a form can show next to each field. Called by the resources themselves
 * rather than through {@code @Valid}, so the answer is our problem document and not RESTEasy's
 * own violation report.
 */
@ApplicationScoped
public class BodyValidation {

    private final Validator validator;

    @Inject
    public BodyValidation(Validator validator) {
        this.validator = validator;
    }

    /** For CDI's proxy only. */
    protected BodyValidation() {
        this.validator = null;
    }

    /**
     * @throws MalformedRequest when there is no body
     * @throws InvalidFields    naming each field that breaks a constraint
     */
    public <T> T check(T body, TenantKey tenant) {
        if (body == null) {
            throw new MalformedRequest("This request needs a JSON body");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<FieldProblem> problems = violations.stream()
                    .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                    .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                    .toList();
            throw new InvalidFields(problems, tenant);
        }
        return body;
    }
}
