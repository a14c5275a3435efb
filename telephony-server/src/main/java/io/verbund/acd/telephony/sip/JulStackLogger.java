package io.verbund.acd.telephony.sip;

import gov.nist.core.LogLevels;
import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the JAIN-SIP stack's own log into WildFly's logging (category {@code gov.nist.javax.sip}),
 * so stack errors show up in server.log with everything else instead of in a separate log4j file.
 * The stack's INFO is per message (it logs every SIP message at its "messages" level, which equals
 * INFO), so it goes to FINE here: at INFO it would write two log lines per message under load.
 * Operators see the messages with the category at FINE.
 */
public class JulStackLogger implements StackLogger {

    private static final Logger LOG = Logger.getLogger("gov.nist.javax.sip");

    private volatile boolean enabled = true;

    private static Level level(int nistLevel) {
        if (nistLevel <= LogLevels.TRACE_ERROR) {
            return Level.SEVERE;
        } else if (nistLevel <= LogLevels.TRACE_WARN) {
            return Level.WARNING;
        } else if (nistLevel <= LogLevels.TRACE_DEBUG) {
            return Level.FINE;
        }
        return Level.FINEST;
    }

    @Override
    public void logStackTrace() {
        logStackTrace(LogLevels.TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (isLoggingEnabled(traceLevel)) {
            LOG.log(level(traceLevel), "stack trace", new Throwable("stack trace"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.log(Level.SEVERE, ex.getMessage(), ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.fine(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.log(Level.FINE, message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.finest(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.severe(message);
    }

    @Override
    public void logError(String message) {
        LOG.severe(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return enabled;
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        return enabled && LOG.isLoggable(level(logLevel));
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.log(Level.SEVERE, message, ex);
    }

    @Override
    public void logWarning(String string) {
        LOG.warning(string);
    }

    @Override
    public void logInfo(String string) {
        LOG.fine(string);
    }

    @Override
    public void disableLogging() {
        enabled = false;
    }

    @Override
    public void enableLogging() {
        enabled = true;
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.fine(() -> "JAIN-SIP build " + buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // Levels come from WildFly's logging configuration, not from stack properties.
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
