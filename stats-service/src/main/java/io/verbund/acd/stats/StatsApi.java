package io.verbund.acd.stats;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Event ingestion, real-time statistics (replica 1) and reports (replica 2).
 */
@ApplicationPath("/")
public class StatsApi extends Application {
}
