package com.faceattend.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.faceattend.spi.AttendanceListenerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Issue 15: the door hardware is an attendance listener found through the same registry as plugins. */
class GpioListenerProviderTest {
    @Test
    void isFoundThroughTheServiceRegistry() {
        List<String> ids = ServiceLoader.load(AttendanceListenerProvider.class).stream()
                .map(p -> p.get().info().id()).toList();
        assertTrue(ids.contains(GpioListenerProvider.ID), ids.toString());
    }

    @Test
    void thePinFileTravelsAsTheConfigOption() {
        assertEquals("/etc/faceattend/gpio.properties", GpioListenerProvider.settings(Path.of("/etc/faceattend/gpio.properties"))
                .options().get(GpioListenerProvider.CONFIG_OPTION));
        assertTrue(GpioListenerProvider.settings(null).options().isEmpty(), "no file: the default pins");
    }

    @Test
    void withoutGpioItRefusesToStartSayingWhatToDo() {
        assumeFalse(Files.exists(Path.of("/dev/gpiochip0")), "this machine has GPIO");
        GpioException e = assertThrows(GpioException.class,
                () -> new GpioListenerProvider().create(GpioListenerProvider.settings(null)));
        assertTrue(e.fix().contains("leave out --gpio"), e.fix());
    }
}
