package com.faceattend.desktop.reports;

import com.faceattend.desktop.support.Background;
import com.faceattend.desktop.support.Problems;
import com.faceattend.desktop.support.Suite;
import com.faceattend.store.Holiday;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.ShiftAssignment;
import com.faceattend.store.WorkShift;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.ButtonGroup;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.table.DefaultTableModel;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.util.NbBundle;
import org.openide.windows.TopComponent;

/**
 * Shifts (overnight ones end before they start), who works them from which date (a department or
 * one person), holidays and the site's time zone: what the CLI's {@code schedule} and
 * {@code holidays} commands keep, in the same store, audited. Reports and the Today window use it.
 */
@TopComponent.Description(preferredID = ShiftsTopComponent.ID, iconBase = "com/faceattend/desktop/reports/shifts.png",
        persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 27)
@ActionID(category = "Window", id = "com.faceattend.desktop.reports.ShiftsTopComponent")
@ActionReferences({@ActionReference(path = "Menu/Window", position = 27),
    @ActionReference(path = "Shortcuts", name = "D-7")})
@TopComponent.OpenActionRegistration(displayName = "#CTL_ShiftsAction", preferredID = ShiftsTopComponent.ID)
@NbBundle.Messages({"CTL_ShiftsAction=Shifts and holidays", "CTL_ShiftsTopComponent=Shifts and holidays",
    "LBL_Zone=Site time zone:", "BTN_SaveZone=Save time zone", "TAB_Shifts=Shifts", "TAB_Assignments=Who works which shift",
    "TAB_Holidays=Holidays", "COL_Start=Start", "COL_End=End", "COL_Grace=Grace (min)", "COL_Days=Work days",
    "COL_Overnight=Overnight", "COL_Who=Department or employee", "COL_From=From", "COL_HolidayName=Holiday",
    "LBL_ShiftName=Name:", "LBL_Start=Start:", "LBL_End=End:", "LBL_Grace=Grace (min):", "BTN_SaveShift=Save shift",
    "LBL_AssignShift=Shift:", "OPT_Department=Department", "OPT_Employee=Employee code", "LBL_AssignFrom=from (yyyy-mm-dd):",
    "BTN_Assign=Assign", "LBL_HolidayDate=Date (yyyy-mm-dd):", "LBL_HolidayName=Name:", "BTN_AddHoliday=Add holiday",
    "BTN_RemoveHoliday=Remove selected holiday", "VAL_Yes=yes", "VAL_No=no",
    "HINT_Overnight=A shift whose end is before its start ends the next day (22:00 to 06:00).",
    "loadingSchedule=load the shifts and holidays", "savingSchedule=save the change",
    "# {0} - what changed", "MSG_ScheduleSaved=Saved: {0}"})
public final class ShiftsTopComponent extends TopComponent {
    private static final long serialVersionUID = 1L;
    static final String ID = "ShiftsTopComponent";

    private final JTextField zone = new JTextField(18);
    private final JLabel status = new JLabel(" ");
    private final DefaultTableModel shifts = Tables.readOnly(Bundle.COL_Name(), Bundle.COL_Start(), Bundle.COL_End(),
            Bundle.COL_Grace(), Bundle.COL_Days(), Bundle.COL_Overnight());
    private final DefaultTableModel assignments = Tables.readOnly(Bundle.COL_Shift(), Bundle.COL_Who(), Bundle.COL_From());
    private final DefaultTableModel holidays = Tables.readOnly(Bundle.COL_Date(), Bundle.COL_HolidayName());
    private final javax.swing.JTable holidayTable = Tables.sortable(holidays, 110, 300);

    private final JTextField shiftName = new JTextField("day", 10);
    private final JTextField start = new JTextField("09:00", 5);
    private final JTextField end = new JTextField("17:00", 5);
    private final JTextField grace = new JTextField("5", 3);
    private final JCheckBox[] days = new JCheckBox[7];
    private final JComboBox<String> assignShift = new JComboBox<>();
    private final JRadioButton byDepartment = new JRadioButton(Bundle.OPT_Department(), true);
    private final JRadioButton byEmployee = new JRadioButton(Bundle.OPT_Employee());
    private final JTextField who = new JTextField(14);
    private final JTextField assignFrom = new JTextField(LocalDate.now().toString(), 10);
    private final JTextField holidayDate = new JTextField(LocalDate.now().toString(), 10);
    private final JTextField holidayName = new JTextField(18);

    public ShiftsTopComponent() {
        setName(Bundle.CTL_ShiftsTopComponent());
        setLayout(new BorderLayout(6, 6));
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 6));
        top.add(new JLabel(Bundle.LBL_Zone()));
        top.add(zone);
        zone.setName("shifts.zone");
        status.setName("shifts.status");
        top.add(button(Bundle.BTN_SaveZone(), "shifts.saveZone", () -> {
            ZoneId z = ShiftInput.zone(zone.getText());
            return change(s -> s.setOrganisationZone(z, Suite.actor()), z.getId());
        }));
        top.add(status);
        add(top, BorderLayout.NORTH);

        JTabbedPane tabs = new JTabbedPane();
        tabs.setName("shifts.tabs");
        tabs.addTab(Bundle.TAB_Shifts(), shiftsTab());
        tabs.addTab(Bundle.TAB_Assignments(), assignmentsTab());
        tabs.addTab(Bundle.TAB_Holidays(), holidaysTab());
        add(tabs, BorderLayout.CENTER);
    }

    private JPanel shiftsTab() {
        JPanel form = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        form.add(new JLabel(Bundle.LBL_ShiftName()));
        form.add(shiftName);
        form.add(new JLabel(Bundle.LBL_Start()));
        form.add(start);
        form.add(new JLabel(Bundle.LBL_End()));
        form.add(end);
        form.add(new JLabel(Bundle.LBL_Grace()));
        form.add(grace);
        for (DayOfWeek d : DayOfWeek.values()) {
            days[d.ordinal()] = new JCheckBox(d.getDisplayName(TextStyle.SHORT, Locale.getDefault()), d.getValue() <= 5);
            form.add(days[d.ordinal()]);
        }
        shiftName.setName("shifts.name");
        start.setName("shifts.start");
        end.setName("shifts.end");
        grace.setName("shifts.grace");
        form.add(button(Bundle.BTN_SaveShift(), "shifts.save", () -> {
            WorkShift shift = ShiftInput.shift(shiftName.getText(), start.getText(), end.getText(), grace.getText(), chosenDays());
            return change(s -> s.saveShift(shift, Suite.actor()), shift.name());
        }));
        form.setToolTipText(Bundle.HINT_Overnight());
        javax.swing.JTable table = Tables.sortable(shifts, 120, 70, 70, 80, 220, 80);
        table.setName("shifts.table");
        return tab(form, table);
    }

    private JPanel assignmentsTab() {
        ButtonGroup group = new ButtonGroup();
        group.add(byDepartment);
        group.add(byEmployee);
        JPanel form = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        form.add(new JLabel(Bundle.LBL_AssignShift()));
        form.add(assignShift);
        form.add(byDepartment);
        form.add(byEmployee);
        form.add(who);
        form.add(new JLabel(Bundle.LBL_AssignFrom()));
        form.add(assignFrom);
        form.add(button(Bundle.BTN_Assign(), "shifts.assign", () -> {
            String shift = ShiftInput.text("shift", (String) assignShift.getSelectedItem());
            String target = ShiftInput.text("who", who.getText());
            LocalDate from = ShiftInput.date("from", assignFrom.getText());
            boolean dept = byDepartment.isSelected();
            return change(s -> {
                if (dept) {
                    s.assignToDepartment(shift, target, from, Suite.actor());
                } else {
                    s.assignToEmployee(shift, target, from, Suite.actor());
                }
            }, shift + " → " + target);
        }));
        return tab(form, Tables.sortable(assignments, 120, 200, 110));
    }

    private JPanel holidaysTab() {
        JPanel form = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        form.add(new JLabel(Bundle.LBL_HolidayDate()));
        form.add(holidayDate);
        form.add(new JLabel(Bundle.LBL_HolidayName()));
        form.add(holidayName);
        holidayDate.setName("holidays.date");
        holidayName.setName("holidays.name");
        holidayTable.setName("holidays.table");
        form.add(button(Bundle.BTN_AddHoliday(), "holidays.add", () -> {
            LocalDate date = ShiftInput.date("date", holidayDate.getText());
            String name = ShiftInput.text("name", holidayName.getText());
            return change(s -> s.addHoliday(date, name, Suite.actor()), date + " " + name);
        }));
        form.add(button(Bundle.BTN_RemoveHoliday(), "holidays.remove", () -> {
            int row = holidayTable.getSelectedRow();
            if (row < 0) {
                return null;
            }
            LocalDate date = (LocalDate) holidays.getValueAt(holidayTable.convertRowIndexToModel(row), 0);
            return change(s -> s.removeHoliday(date, Suite.actor()), date.toString());
        }));
        return tab(form, holidayTable);
    }

    private static JPanel tab(JPanel form, javax.swing.JTable table) {
        JPanel p = new JPanel(new BorderLayout());
        p.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        p.add(form, BorderLayout.NORTH);
        p.add(new JScrollPane(table), BorderLayout.CENTER);
        return p;
    }

    private Set<DayOfWeek> chosenDays() {
        Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (days[d.ordinal()].isSelected()) {
                chosen.add(d);
            }
        }
        return chosen;
    }

    /** A button whose work is checked on the Swing thread (bad fields explained) and stored in the background. */
    private JButton button(String text, String name, Callable<Runnable> prepare) {
        JButton b = new JButton(text);
        b.setName(name);
        b.addActionListener(e -> {
            try {
                Runnable store = prepare.call();
                if (store != null) {
                    store.run();
                }
            } catch (Exception ex) {
                Problems.show(Bundle.savingSchedule(), ex);
            }
        });
        return b;
    }

    /** The store change to run in the background, then the lists reload. */
    private Runnable change(java.util.function.Consumer<ScheduleStore> edit, String what) {
        return () -> Background.run(Bundle.savingSchedule(), () -> {
            edit.accept(new ScheduleStore(Suite.services().store()));
            return what;
        }, done -> {
            status.setText(Bundle.MSG_ScheduleSaved(done));
            load();
        });
    }

    /** Each time it comes to the front: Getting started or the command line may have changed the schedule. */
    @Override
    protected void componentShowing() {
        load();
    }

    private record Snapshot(String zone, List<WorkShift> shifts, List<ShiftAssignment> assignments, List<Holiday> holidays) {
    }

    private void load() {
        Background.run(Bundle.loadingSchedule(), () -> {
            ScheduleStore s = new ScheduleStore(Suite.services().store());
            LocalDate today = LocalDate.now();
            return new Snapshot(s.organisationZone().orElse(ZoneId.systemDefault()).getId(), s.listShifts(),
                    s.listAssignments(), s.listHolidays(today.minusYears(1), today.plusYears(2)));
        }, snap -> {
            zone.setText(snap.zone());
            shifts.setRowCount(0);
            assignShift.removeAllItems();
            for (WorkShift w : snap.shifts()) {
                shifts.addRow(new Object[] {w.name(), w.start(), w.end(), w.graceMinutes(), w.workDays().stream().sorted()
                        .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.getDefault())).collect(Collectors.joining(" ")),
                    w.crossesMidnight() ? Bundle.VAL_Yes() : Bundle.VAL_No()});
                assignShift.addItem(w.name());
            }
            assignments.setRowCount(0);
            for (ShiftAssignment a : snap.assignments()) {
                assignments.addRow(new Object[] {a.shiftName(), a.isPersonal() ? a.employeeCode() : a.department(), a.validFrom()});
            }
            holidays.setRowCount(0);
            for (Holiday h : snap.holidays()) {
                holidays.addRow(new Object[] {h.date(), h.name()});
            }
        });
    }
}
