package com.faceattend.desktop.enrolment;

import com.faceattend.desktop.support.StartupQueue;
import java.awt.EventQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.netbeans.api.sendopts.CommandException;
import org.netbeans.spi.sendopts.Arg;
import org.netbeans.spi.sendopts.ArgsProcessor;
import org.netbeans.spi.sendopts.Description;
import org.netbeans.spi.sendopts.Env;
import org.openide.util.NbBundle;

/**
 * {@code --import-folder DIR --consent-recorded [--department D]}: enrol a folder tree when the
 * suite opens (IT roll-out of a new site). Runs before a station started in the same launch.
 */
@NbBundle.Messages({"OPT_Import=Enrol a folder with one sub-folder of photos per person when the window opens",
    "OPT_ImportConsent=Confirms everyone in the imported folder gave written consent (required with --import-folder)",
    "OPT_ImportDepartment=Department of employees created by --import-folder",
    "ERR_ImportConsent=--import-folder needs --consent-recorded: face templates are stored only with consent",
    "# {0} - folder", "ERR_ImportFolder=--import-folder: {0} is not a folder"})
public final class ImportOptions implements ArgsProcessor {
    @Arg(longName = "import-folder")
    @Description(shortDescription = "#OPT_Import")
    public String folder;

    @Arg(longName = "consent-recorded")
    @Description(shortDescription = "#OPT_ImportConsent")
    public boolean consent;

    @Arg(longName = "department")
    @Description(shortDescription = "#OPT_ImportDepartment")
    public String department;

    @Override
    public void process(Env env) throws CommandException {
        if (folder == null) {
            return;
        }
        Path dir = Path.of(folder).toAbsolutePath();
        if (!consent) {
            throw new CommandException(2, Bundle.ERR_ImportConsent());
        }
        if (!Files.isDirectory(dir)) {
            throw new CommandException(2, Bundle.ERR_ImportFolder(dir));
        }
        String dept = department;
        StartupQueue.submit(StartupQueue.Stage.ENROLMENT, () -> {
            AtomicReference<EmployeesTopComponent> tc = new AtomicReference<>();
            try {
                EventQueue.invokeAndWait(() -> {
                    EmployeesTopComponent t = EmployeesTopComponent.find();
                    t.open();
                    t.requestActive();
                    tc.set(t);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
            tc.get().bulkImport(dir, dept, true);
        });
    }
}
