package com.faceattend.spi;

/**
 * Stateless builder of {@link AttendanceListener}s, registered as a service like every other
 * provider: the station's database recorder, door relay, alert panel and a third party's webhook
 * are all listeners, found through the same registry.
 *
 * <p>Each station creates its own listener when it starts. The settings' options come from the
 * file {@code plugins/<id>.properties} in the FaceAttend data folder, and always hold
 * {@value #DATA_FOLDER_OPTION}: a folder reserved for this listener that survives restarts (for a
 * queue of events not yet delivered, say). A listener that also implements {@link AutoCloseable}
 * is closed when its station stops.
 *
 * <p>A listener that cannot start without configuration throws a {@link ProviderException} of
 * kind {@link Problem.Kind#BAD_VALUE} naming the option to set; the station then runs without it
 * and says why.
 *
 * <pre>{@code
 * public final class PayrollHookProvider implements AttendanceListenerProvider {
 *     public ProviderInfo info() {
 *         return new ProviderInfo("acme-payroll", "1.0.0", "ACME payroll hook", "none", "ACME Ltd");
 *     }
 *     public AttendanceListener create(ProviderSettings settings) {
 *         String url = settings.options().get("url");
 *         if (url == null) {
 *             throw new ProviderException(Problem.Kind.BAD_VALUE, "the payroll hook has no url",
 *                     "set url=... in plugins/acme-payroll.properties");
 *         }
 *         return new PayrollHook(url);
 *     }
 * }
 * }</pre>
 *
 * @since 1.0.0
 */
public interface AttendanceListenerProvider {
    /** The option naming the listener's own durable folder (always given by FaceAttend). */
    String DATA_FOLDER_OPTION = "dataFolder";

    ProviderInfo info();

    AttendanceListener create(ProviderSettings settings);
}
