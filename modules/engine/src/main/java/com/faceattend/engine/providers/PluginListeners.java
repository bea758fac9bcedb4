package com.faceattend.engine.providers;

import com.faceattend.spi.AttendanceListener;
import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The attendance listeners a station gets from the provider registry (webhooks and other outputs
 * from plugins), each created with its settings and isolated behind its own thread
 * ({@link IsolatedListener}). A listener that cannot start is left out and reported with its
 * provider id and {@link Problem} ({@link ListenerNotStarted}); the station runs on.
 */
public final class PluginListeners implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginListeners.class.getName());
    private final List<IsolatedListener> listeners;

    private PluginListeners(List<IsolatedListener> listeners) {
        this.listeners = listeners;
    }

    /**
     * @param settings the settings of each listener by id (e.g. {@link PluginFolder#listenerSettings});
     *                 {@code null} for an opt-in listener this station does not use (GPIO without {@code --gpio})
     * @param status   where the station reports a listener left out or failing (names the plugin)
     */
    public static PluginListeners open(List<AttendanceListenerProvider> providers,
                                       Function<String, ProviderSettings> settings, Consumer<String> status) {
        return open(providers, settings, Set.of(), status);
    }

    /**
     * Like {@link #open(List, Function, Consumer)}, but a listener in {@code required} that cannot
     * start stops the station with its problem (a door station asked to drive its relay must not run
     * without it), and one that is not installed at all does too.
     */
    public static PluginListeners open(List<AttendanceListenerProvider> providers, Function<String, ProviderSettings> settings,
                                       Set<String> required, Consumer<String> status) {
        return open(providers, settings, required, status, left -> status.accept(left.statusLine()));
    }

    /**
     * Like {@link #open(List, Function, Set, Consumer)}, but a listener that could not start (and is
     * not required) goes to {@code notStarted} with its provider id and problem, for the station to
     * word; {@code status} gets the other lines.
     */
    public static PluginListeners open(List<AttendanceListenerProvider> providers, Function<String, ProviderSettings> settings,
                                       Set<String> required, Consumer<String> status, Consumer<ListenerNotStarted> notStarted) {
        List<IsolatedListener> started = new ArrayList<>();
        Set<String> missing = new HashSet<>(required);
        try {
            for (AttendanceListenerProvider provider : providers) {
                String id;
                try {
                    id = provider.info().id();
                } catch (RuntimeException e) {
                    status.accept("a listener plugin (" + provider.getClass().getName() + ") cannot name itself; left out: " + e);
                    continue;
                }
                ProviderSettings own = settings.apply(id);
                if (own == null) {
                    continue; // opt-in, and this station did not opt in
                }
                missing.remove(id);
                try {
                    AttendanceListener listener = provider.create(own);
                    if (listener == null) {
                        status.accept("plugin " + id + " gave no listener; left out");
                        continue;
                    }
                    started.add(new IsolatedListener(id, listener, status));
                    status.accept("plugin " + id + " " + provider.info().version() + " receives attendance events");
                } catch (RuntimeException | LinkageError e) {
                    if (required.contains(id)) {
                        throw e;
                    }
                    LOG.log(Level.INFO, "listener plugin " + id + " not started", e);
                    notStarted.accept(new ListenerNotStarted(id, Problem.of(e)));
                }
            }
            if (!missing.isEmpty()) {
                throw new Problem(Problem.Kind.NOT_FOUND, "the attendance listener(s) " + missing + " this station needs are not installed",
                        "reinstall FaceAttend (the module that provides them is missing)");
            }
        } catch (RuntimeException | LinkageError e) {
            started.forEach(IsolatedListener::close);
            throw e;
        }
        return new PluginListeners(List.copyOf(started));
    }

    /** The isolated listeners to add to the station. */
    public List<AttendanceListener> listeners() {
        return List.copyOf(listeners);
    }

    /** Gives every listener a few seconds for events still queued, then closes it. */
    @Override
    public void close() {
        listeners.forEach(IsolatedListener::close);
    }
}
