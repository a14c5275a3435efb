package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.problem.FieldProblem;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.MalformedRequest;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.verbund.acd.runtime.problem.RequestLanguage;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a request body against its Bean Validation constraints and answers every broken one at
 * once, as field problems a form can show next to each field. Called by the resources themselves
 * rather than through {@code @Valid}, so the answer is our problem document and not RESTEasy's
 * own violation report. The messages are in the request's language ({@link RequestLanguage}).
 */
@ApplicationScoped
public class BodyValidation {

    private final ValidatorFactory validators;

    @Inject
    public BodyValidation(ValidatorFactory validators) {
        this.validators = validators;
    }

    /** For CDI's proxy only. */
    protected BodyValidation() {
        this.validators = null;
    }

    /**
     * @throws MalformedRequest when there is no body
     * @throws InvalidFields    naming each field that breaks a constraint
     */
    public <T> T check(T body, TenantKey tenant) {
        if (body == null) {
            throw new MalformedRequest(PortalWords.text("common.body-needed"));
        }
        Set<ConstraintViolation<T>> violations = validators.usingContext()
                .messageInterpolator(new WordedMessages(validators.getMessageInterpolator(), RequestLanguage.current()))
                .getValidator().validate(body);
        if (!violations.isEmpty()) {
            List<FieldProblem> problems = violations.stream()
                    .map(violation -> new FieldProblem(fieldOf(violation.getPropertyPath()), violation.getMessage()))
                    .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                    .toList();
            throw new InvalidFields(problems, tenant);
        }
        return body;
    }

    /**
     * The field as a client names it in its JSON: {@code members[1].extension}, and {@code roles[0]}
     * for an element of a list, where the provider's own path says {@code roles[0].<list element>}.
     */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }
}
