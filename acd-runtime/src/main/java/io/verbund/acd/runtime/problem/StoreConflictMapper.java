package io.verbund.acd.runtime.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * 409 for a write the database refused because of a concurrent one: a unique key two requests
 * raced for, or an optimistic lock lost at commit. The services check these first and answer
 * precisely; this is what the loser of a race between the check and the write gets, instead of 500.
 */
@Provider
public class StoreConflictMapper implements ExceptionMapper<jakarta.persistence.PersistenceException> {

    private static final Logger LOG = Logger.getLogger(StoreConflictMapper.class.getName());

    @Context
    private UriInfo request;

    @Override
    public Response toResponse(jakarta.persistence.PersistenceException failure) {
        boolean conflict = failure instanceof jakarta.persistence.OptimisticLockException || causedByConstraint(failure);
        if (!conflict) {
            return UnexpectedFailureMapper.internalError(failure, ProblemResponses.instance(request));
        }
        LOG.info(() -> "write refused by the database as a conflict: " + failure);
        return ProblemResponses.of(new Problem(ApiProblem.TYPE_PREFIX + "conflict", "Conflict", 409,
                ProblemResponses.detail("conflict"),
                ProblemResponses.instance(request), null)).build();
    }

    private static boolean causedByConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLIntegrityConstraintViolationException
                    || cause.getClass().getSimpleName().equals("ConstraintViolationException")) {
                return true;
            }
        }
        return false;
    }
}
