package com.faceattend.desktop.enrolment;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.openide.DialogDescriptor;
import org.openide.NotificationLineSupport;
import org.openide.util.NbBundle;

/**
 * Code, name, department, hire and leave dates and consent of one employee, validated as the user types: the dialog's
 * OK button stays disabled and the notification line says what is wrong until the input is usable.
 */
@NbBundle.Messages({"LBL_Code=Employee code:", "LBL_Name=Full name:", "LBL_Department=Department:",
    "LBL_Consent=The person gave written consent to biometric attendance",
    "ERR_CodeEmpty=Enter the employee code, e.g. E0042.",
    "ERR_CodeChars=The employee code may contain letters, digits, dot, dash and underscore only (at most 64).",
    "ERR_NameEmpty=Enter the person's full name.", "ERR_TooLong=At most 200 characters.",
    "INFO_Consent=Face templates are stored only after consent is recorded.",
    "LBL_Hired=Hired on (yyyy-mm-dd, optional):", "LBL_Left=Left on (yyyy-mm-dd, optional):",
    "# {0} - text", "ERR_HireDate=''{0}'' is not a date: write the hire date as 2026-03-01, or leave it empty.",
    "# {0} - text", "ERR_LeaveDate=''{0}'' is not a date: write the leave date as 2026-03-31, or leave it empty.",
    "ERR_LeaveBeforeHire=The leave date is before the hire date.",
    "INFO_Dates=Nobody is expected at work (or counted absent) before the hire date or after the leave date."})
final class EmployeeForm extends JPanel {
    private static final long serialVersionUID = 1L;
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    final JTextField code = new JTextField(20);
    final JTextField name = new JTextField(28);
    final JTextField department = new JTextField(28);
    final JTextField hired = new JTextField(10);
    final JTextField left = new JTextField(10);
    final JCheckBox consent = new JCheckBox(Bundle.LBL_Consent());

    EmployeeForm(boolean codeEditable, boolean askConsent) {
        super(new GridBagLayout());
        code.setName("employee.code");
        name.setName("employee.name");
        department.setName("employee.department");
        consent.setName("employee.consent");
        hired.setName("employee.hired");
        left.setName("employee.left");
        hired.setToolTipText(Bundle.INFO_Dates());
        left.setToolTipText(Bundle.INFO_Dates());
        code.setEditable(codeEditable);
        row(0, Bundle.LBL_Code(), code);
        row(1, Bundle.LBL_Name(), name);
        row(2, Bundle.LBL_Department(), department);
        row(3, Bundle.LBL_Hired(), hired);
        row(4, Bundle.LBL_Left(), left);
        if (askConsent) {
            GridBagConstraints c = new GridBagConstraints();
            c.gridx = 0;
            c.gridy = 5;
            c.gridwidth = 2;
            c.anchor = GridBagConstraints.WEST;
            c.insets = new Insets(10, 8, 4, 8);
            add(consent, c);
        }
        setBorder(javax.swing.BorderFactory.createEmptyBorder(8, 8, 8, 8));
    }

    private void row(int y, String label, JTextField field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = y;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(4, 8, 4, 8);
        JLabel l = new JLabel(label);
        l.setLabelFor(field);
        add(l, c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        add(field, c);
    }

    /** Null when the input is usable, else what to fix. */
    String problem() {
        String k = code.getText().strip();
        if (k.isEmpty()) {
            return Bundle.ERR_CodeEmpty();
        }
        if (!CODE.matcher(k).matches()) {
            return Bundle.ERR_CodeChars();
        }
        if (name.getText().isBlank()) {
            return Bundle.ERR_NameEmpty();
        }
        if (name.getText().strip().length() > 200 || department.getText().strip().length() > 200) {
            return Bundle.ERR_TooLong();
        }
        LocalDate hire;
        LocalDate leave;
        try {
            hire = date(hired);
        } catch (DateTimeParseException e) {
            return Bundle.ERR_HireDate(hired.getText().strip());
        }
        try {
            leave = date(left);
        } catch (DateTimeParseException e) {
            return Bundle.ERR_LeaveDate(left.getText().strip());
        }
        if (hire != null && leave != null && leave.isBefore(hire)) {
            return Bundle.ERR_LeaveBeforeHire();
        }
        return null;
    }

    /** The hire date typed, or null when empty; call only once {@link #problem()} is null. */
    LocalDate hireDate() {
        return date(hired);
    }

    /** The leave date typed, or null when empty; call only once {@link #problem()} is null. */
    LocalDate leaveDate() {
        return date(left);
    }

    void showDates(LocalDate hire, LocalDate leave) {
        hired.setText(hire == null ? "" : hire.toString());
        left.setText(leave == null ? "" : leave.toString());
    }

    private static LocalDate date(JTextField field) {
        String text = field.getText().strip();
        return text.isEmpty() ? null : LocalDate.parse(text);
    }

    /** Keeps the dialog's OK button and notification line in step with {@link #problem()}. */
    void bind(DialogDescriptor dd) {
        NotificationLineSupport line = dd.createNotificationLineSupport();
        Runnable check = () -> {
            String p = problem();
            dd.setValid(p == null);
            if (p != null) {
                line.setErrorMessage(p);
            } else if (consent.getParent() != null && !consent.isSelected()) {
                line.setInformationMessage(Bundle.INFO_Consent());
            } else {
                line.clearMessages();
            }
        };
        DocumentListener l = new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                check.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                check.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                check.run();
            }
        };
        code.getDocument().addDocumentListener(l);
        name.getDocument().addDocumentListener(l);
        department.getDocument().addDocumentListener(l);
        hired.getDocument().addDocumentListener(l);
        left.getDocument().addDocumentListener(l);
        consent.addActionListener(e -> check.run());
        check.run();
    }
}
