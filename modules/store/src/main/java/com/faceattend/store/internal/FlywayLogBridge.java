package com.faceattend.store.internal;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Internal: routes Flyway's messages to the {@code java.util.logging} logger
 * {@code com.faceattend.store.schema}, demoting its progress chatter to FINE. Otherwise every
 * CLI command would print a dozen "Migrating schema"/"Schema is up to date" lines to stderr.
 * Public only because Flyway instantiates it by class name; not part of the store's API.
 */
public final class FlywayLogBridge implements LogCreator {
    private static final Logger LOGGER = Logger.getLogger("com.faceattend.store.schema");

    public FlywayLogBridge() {
        // instantiated by Flyway through its "loggers" setting
    }

    @Override
    public Log createLogger(Class<?> clazz) {
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return LOGGER.isLoggable(Level.FINEST);
            }

            @Override
            public void debug(String message) {
                LOGGER.finest(message);
            }

            @Override
            public void info(String message) {
                LOGGER.fine(message);
            }

            @Override
            public void notice(String message) {
                LOGGER.fine(message);
            }

            @Override
            public void warn(String message) {
                // Flyway warns on every start that it was only verified up to Derby 10.15; our own
                // tests cover 10.17, so that note is not worth a user's attention.
                LOGGER.log(message != null && message.contains("newer than the version Flyway has been verified with")
                        ? Level.FINE : Level.WARNING, message);
            }

            @Override
            public void error(String message) {
                LOGGER.severe(message);
            }

            @Override
            public void error(String message, Exception e) {
                LOGGER.log(Level.SEVERE, message, e);
            }
        };
    }
}
