package io.verbund.acd.runtime.stats;

import io.verbund.acd.runtime.problem.Unavailable;

/**
 * 503: stats-service could not be asked (no answer, or it refused the cluster's service secret,
 * which only a misconfigured node causes). Its own 503 (reporting replica down) is not this: that
 * answer is handed on as it came, with the service's {@code Retry-After}.
 */
public class StatsUnavailable extends Unavailable {

    public StatsUnavailable(String detail, Throwable cause) {
        super("stats-unavailable", "Statistics unavailable", detail, cause);
    }
}
