package io.verbund.acd.runtime.problem;

import io.verbund.acd.tenant.TenantKey;
import java.util.List;
import java.util.stream.Collectors;

/** 422: fields of the request body break their rules; each is named in the problem's {@code errors}. */
public class InvalidFields extends Unprocessable {

    private final List<FieldProblem> problems;

    public InvalidFields(List<FieldProblem> problems, TenantKey tenant) {
        super("invalid-fields", "Invalid fields", summary(problems), tenant);
        this.problems = List.copyOf(problems);
    }

    public static InvalidFields of(String field, String message, TenantKey tenant) {
        return new InvalidFields(List.of(new FieldProblem(field, message)), tenant);
    }

    @Override
    public List<FieldProblem> fieldProblems() {
        return problems;
    }

    private static String summary(List<FieldProblem> problems) {
        return problems.stream().map(problem -> problem.field() + ": " + problem.message())
                .collect(Collectors.joining("; "));
    }
}
