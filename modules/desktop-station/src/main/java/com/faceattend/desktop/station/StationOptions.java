package com.faceattend.desktop.station;

import com.faceattend.desktop.support.StartupQueue;
import com.faceattend.desktop.support.Suite;
import com.faceattend.suite.SettingsException;
import com.faceattend.suite.SuiteSettings;
import java.awt.EventQueue;
import org.netbeans.api.sendopts.CommandException;
import org.netbeans.spi.sendopts.Arg;
import org.netbeans.spi.sendopts.ArgsProcessor;
import org.netbeans.spi.sendopts.Description;
import org.netbeans.spi.sendopts.Env;
import org.openide.util.NbBundle;

/**
 * Launch options for a door PC that should come up watching: {@code --station-source SRC}
 * (saved in Settings), {@code --start-station}, {@code --kiosk}.
 */
@NbBundle.Messages({"OPT_Source=Video source of this station: camera number, video file, image folder or rtsp:// URL (saved in Settings)",
    "OPT_Start=Start the station when the window opens", "OPT_Kiosk=Start the station full screen for the door (Escape leaves)"})
public final class StationOptions implements ArgsProcessor {
    @Arg(longName = "station-source")
    @Description(shortDescription = "#OPT_Source")
    public String source;

    @Arg(longName = "start-station")
    @Description(shortDescription = "#OPT_Start")
    public boolean start;

    @Arg(longName = "kiosk")
    @Description(shortDescription = "#OPT_Kiosk")
    public boolean kiosk;

    @Override
    public void process(Env env) throws CommandException {
        if (source != null) {
            try {
                SuiteSettings current = Suite.services().settings();
                Suite.services().saveSettings(current.withSource(source), Suite.actor());
            } catch (SettingsException e) {
                throw new CommandException(2, e.sentence());
            }
        }
        if (start || kiosk) {
            boolean fullScreen = kiosk;
            StartupQueue.submit(StartupQueue.Stage.STATION, () -> EventQueue.invokeLater(() -> StationTopComponent.openAndStart(fullScreen)));
        }
    }
}
