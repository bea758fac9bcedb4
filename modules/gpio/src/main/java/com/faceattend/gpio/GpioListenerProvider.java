package com.faceattend.gpio;

import com.faceattend.spi.AttendanceListener;
import com.faceattend.spi.AttendanceListenerProvider;
import com.faceattend.spi.ProviderInfo;
import com.faceattend.spi.ProviderSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * The door relay, LEDs and buzzer as an attendance listener, found through the provider registry
 * like a webhook plugin. Opt-in: a station creates it only when asked ({@code run --gpio}), with the
 * option {@value #CONFIG_OPTION} naming the pin file (the default pins without it).
 */
public final class GpioListenerProvider implements AttendanceListenerProvider {
    public static final String ID = "gpio";
    /** The pin configuration file (see modules/gpio/README.md); absent: the default pins. */
    public static final String CONFIG_OPTION = "config";

    @Override
    public ProviderInfo info() {
        return new ProviderInfo(ID, "1.0.0", "Door relay, LEDs and buzzer on Raspberry Pi GPIO", "none", "FaceAttend");
    }

    /** @throws GpioException when this machine has no GPIO or the pins cannot be claimed */
    @Override
    public AttendanceListener create(ProviderSettings settings) {
        String file = settings.options().get(CONFIG_OPTION);
        return GpioOutputs.openOnThisMachine(file == null || file.isBlank() ? GpioConfig.defaults() : GpioConfig.load(Path.of(file)));
    }

    /** The settings a station hands it: the pin file, or none for the default pins. */
    public static ProviderSettings settings(Path configFile) {
        return new ProviderSettings(1, configFile == null ? Map.of() : Map.of(CONFIG_OPTION, configFile.toString()));
    }
}
