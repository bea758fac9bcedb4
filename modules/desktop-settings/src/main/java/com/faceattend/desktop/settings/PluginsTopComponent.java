package com.faceattend.desktop.settings;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.Suite;
import com.faceattend.suite.SuiteServices;
import java.awt.BorderLayout;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;

/** Every detector, recogniser, liveness check and video source found, with version and model licence. */
@TopComponent.Description(preferredID = PluginsTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 40)
@ActionID(category = "Window", id = "com.faceattend.desktop.settings.PluginsTopComponent")
@ActionReference(path = "Menu/Window", position = 40)
@TopComponent.OpenActionRegistration(displayName = "#CTL_PluginsAction", preferredID = PluginsTopComponent.ID)
@NbBundle.Messages({"CTL_PluginsAction=Plugins", "CTL_PluginsTopComponent=Plugins", "COL_Kind=Kind", "COL_Id=Id",
    "COL_Name=Name", "COL_Version=Version", "COL_Licence=Model licence", "COL_Vendor=Vendor",
    "LBL_PluginsHelp=  Providers found in the installed modules. Third-party plugins built with the FaceAttend SDK appear here once installed.",
    "loadingPlugins=list the plugins"})
public final class PluginsTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    static final String ID = "PluginsTopComponent";
    private final DefaultTableModel model = new DefaultTableModel(new Object[] {Bundle.COL_Kind(), Bundle.COL_Id(), Bundle.COL_Name(),
        Bundle.COL_Version(), Bundle.COL_Licence(), Bundle.COL_Vendor()}, 0) {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };

    public PluginsTopComponent() {
        setName(Bundle.CTL_PluginsTopComponent());
        setLayout(new BorderLayout());
        add(new JLabel(Bundle.LBL_PluginsHelp()), BorderLayout.NORTH);
        JTable table = new JTable(model);
        table.setName("plugins.table");
        table.setAutoCreateRowSorter(true);
        add(new JScrollPane(table), BorderLayout.CENTER);
    }

    @Override
    protected void componentOpened() {
        Background.run(Bundle.loadingPlugins(), () -> Suite.services().providerRows(), this::show);
    }

    private void show(List<SuiteServices.ProviderRow> rows) {
        model.setRowCount(0);
        for (SuiteServices.ProviderRow r : rows) {
            model.addRow(new Object[] {r.kind(), r.info().id(), r.info().displayName(), r.info().version(),
                r.info().modelLicense(), r.info().vendor()});
        }
    }
}
