package com.example.webhook;

import com.faceattend.spi.AttendanceListener;
import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.spi.Problem;
import com.faceattend.spi.ProviderException;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Registers the webhook with FaceAttend. Options (in {@code plugins/webhook.properties} of the
 * data folder): {@code url} (required, http or https), {@code timeoutSeconds} (default 10),
 * {@code maxRetrySeconds} (longest wait between two tries, default 60).
 */
public final class WebhookListenerProvider implements AttendanceListenerProvider {
    public static final String ID = "webhook";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "1.0.0", "Webhook (JSON over HTTP)", "none", "FaceAttend samples");
    }

    @Override
    public AttendanceListener create(ProviderSettings settings) {
        String url = settings.options().get("url");
        if (url == null || url.isBlank()) {
            throw new ProviderException(Problem.Kind.BAD_VALUE, "the webhook has no url to post events to",
                    "set url=https://... in plugins/" + ID + ".properties of the FaceAttend data folder");
        }
        URI endpoint = URI.create(url.strip());
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new ProviderException(Problem.Kind.BAD_VALUE, "the webhook url must start with http:// or https://, was " + url,
                    "correct url in plugins/" + ID + ".properties");
        }
        String folder = settings.options().get(DATA_FOLDER_OPTION);
        if (folder == null) {
            throw new ProviderException(Problem.Kind.BAD_VALUE, "the webhook has no folder for its queue",
                    "run it inside FaceAttend, which gives every listener the option " + DATA_FOLDER_OPTION);
        }
        Duration timeout = Duration.ofSeconds((long) settings.floatOption("timeoutSeconds", 10));
        Duration maxRetry = Duration.ofSeconds((long) settings.floatOption("maxRetrySeconds", 60));
        return new WebhookListener(endpoint, new Journal(Path.of(folder).resolve("pending")), timeout, maxRetry);
    }
}
