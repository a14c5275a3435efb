package io.verbund.acd.portal.callflow;

import io.verbund.acd.callflow.CallFlowViolation;
import java.util.List;

/** What the check found in a graph: nothing, when {@code valid}. */
public record CheckResult(boolean valid, List<CallFlowViolation> violations) {
}
