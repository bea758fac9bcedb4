package com.faceattend.cli;

import com.faceattend.suite.SuiteServices;
import com.faceattend.spi.Problem;
import com.faceattend.store.DataSubjectRights;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.Employee;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend employees list|delete|deactivate|activate}. */
@Command(name = "employees", description = "List, deactivate, delete employees, record or withdraw consent.",
        subcommands = {EmployeesCommand.ListEmployees.class, EmployeesCommand.Delete.class,
            EmployeesCommand.Deactivate.class, EmployeesCommand.Activate.class, EmployeesCommand.Consent.class,
            EmployeesCommand.WithdrawConsent.class, EmployeesCommand.Export.class, EmployeesCommand.Erasures.class,
            EmployeesCommand.Retention.class})
final class EmployeesCommand {
    @ParentCommand
    FaceAttendCli app;

    static Employee require(DerbyAttendanceStore store, String code) {
        return store.findEmployee(code).orElseThrow(() -> new Problem(Problem.Kind.NOT_FOUND, "no employee with code '" + code + "'",
                "list the codes with: faceattend employees list --all"));
    }

    @Command(name = "list", description = "List employees with their template counts.")
    static final class ListEmployees implements Callable<Integer> {
        @ParentCommand
        EmployeesCommand parent;
        @Spec
        CommandSpec spec;
        @Option(names = "--all", description = "Include deactivated employees.")
        boolean all;
        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SuiteServices ctx = parent.app.openSuite()) {
                DerbyAttendanceStore store = ctx.store();
                List<Employee> employees = store.listEmployees(all);
                if (json) {
                    Console.printJson(out, employees.stream().map(e -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("code", e.code());
                        m.put("name", e.name());
                        m.put("department", e.department());
                        m.put("active", e.active());
                        m.put("consentRecordedAt", e.consentRecordedAt() == null ? null : e.consentRecordedAt().toString());
                        m.put("templates", store.countTemplates(e.code()));
                        return m;
                    }).toList());
                    return ExitCode.OK;
                }
                DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.systemDefault());
                out.printf("%-12s %-28s %-16s %-9s %-8s %s%n", "CODE", "NAME", "DEPARTMENT", "TEMPLATES", "ACTIVE", "CONSENT");
                for (Employee e : employees) {
                    out.printf("%-12s %-28s %-16s %-9d %-8s %s%n", e.code(), e.name(), e.department() == null ? "" : e.department(),
                            store.countTemplates(e.code()), e.active() ? "yes" : "no",
                            e.consentRecordedAt() == null ? "not recorded" : day.format(e.consentRecordedAt()));
                }
                out.printf("%d employee(s)%n", employees.size());
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "delete", description = "Delete an employee with all their face templates and attendance records, for good.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        EmployeesCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "CODE")
        String code;
        @Option(names = "--yes", description = "Do not ask for confirmation.")
        boolean yes;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SuiteServices ctx = parent.app.openSuite()) {
                Employee e = require(ctx.store(), code);
                if (!yes && !confirm(out, e)) {
                    out.println("nothing deleted");
                    return ExitCode.OK;
                }
                DataSubjectRights.ErasureRecord proof = ctx.dataSubjectRights().erase(code, EnrollCommand.actor());
                out.printf("deleted %s (%s) with all templates and attendance records%n", e.name(), e.code());
                out.printf("erasure receipt %s (a signed record without personal data stays: faceattend employees erasures)%n",
                        proof.receipt());
                out.flush();
                return ExitCode.OK;
            }
        }

        private static boolean confirm(PrintWriter out, Employee e) {
            java.io.Console console = System.console();
            if (console == null) {
                throw new Problem(Problem.Kind.BAD_VALUE, "deleting " + e.code() + " needs confirmation, and there is no terminal to ask",
                        "add --yes to confirm in a script");
            }
            String answer = console.readLine("Delete %s (%s), their face templates and attendance records for good? [y/N] ", e.name(), e.code());
            return answer != null && answer.trim().equalsIgnoreCase("y");
        }
    }

    @Command(name = "export",
            description = {"Everything stored about one person, as JSON (right of access): their record, face templates "
                    + "as counts and dates per model (never the vectors), attendance passes and corrections. Audited."})
    static final class Export implements Callable<Integer> {
        @ParentCommand
        EmployeesCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "CODE")
        String code;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the JSON to FILE (owner-only) instead of the screen.")
        java.nio.file.Path output;

        @Override
        public Integer call() throws java.io.IOException {
            try (SuiteServices ctx = parent.app.openSuite()) {
                require(ctx.store(), code);
                DataSubjectRights.PersonalData data = ctx.dataSubjectRights().export(code, EnrollCommand.actor());
                String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(PersonalDataJson.of(data));
                if (output == null) {
                    spec.commandLine().getOut().println(json);
                } else {
                    com.faceattend.store.OwnerOnlyFiles.writeSecret(output.toAbsolutePath(), (json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    spec.commandLine().getOut().println("wrote " + output.toAbsolutePath());
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "erasures",
            description = "List the erasure records (no personal data) and check each one's signature.")
    static final class Erasures implements Callable<Integer> {
        @ParentCommand
        EmployeesCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (SuiteServices ctx = parent.app.openSuite()) {
                DataSubjectRights rights = ctx.dataSubjectRights();
                PrintWriter out = spec.commandLine().getOut();
                int bad = 0;
                for (DataSubjectRights.ErasureRecord r : rights.erasureRecords()) {
                    boolean ok = rights.verify(r);
                    bad += ok ? 0 : 1;
                    out.printf("%s  %s  by %s  %d templates, %d events  %s%n", r.receipt(), r.erasedAt(), r.actor(), r.templates(),
                            r.events(), ok ? "signature ok" : "SIGNATURE DOES NOT MATCH");
                }
                return bad == 0 ? ExitCode.OK : ExitCode.PARTIAL;
            }
        }
    }

    @Command(name = "retention",
            description = "Show or set how many days attendance passes are kept (for example 730, two years); older ones are "
                    + "deleted once a day. Until set, nothing is deleted.")
    static final class Retention implements Callable<Integer> {
        @ParentCommand
        EmployeesCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "DAYS", arity = "0..1", description = "New retention in days (omit to show it).")
        Integer days;

        @Override
        public Integer call() {
            try (SuiteServices ctx = parent.app.openSuite()) {
                DataSubjectRights rights = ctx.dataSubjectRights();
                if (days != null) {
                    rights.setAttendanceRetentionDays(days, EnrollCommand.actor());
                }
                java.util.OptionalInt kept = rights.attendanceRetentionDays();
                spec.commandLine().getOut().println(kept.isPresent() ? "attendance passes are kept " + kept.getAsInt() + " days"
                        : "attendance passes are kept until deleted (no retention set; for example: employees retention "
                        + DataSubjectRights.SUGGESTED_RETENTION_DAYS + ")");
                return ExitCode.OK;
            }
        }
    }

    /** A change to one employee, given by code: checks the code exists, applies, says what it did. */
    abstract static class OneEmployeeChange implements Callable<Integer> {
        @ParentCommand
        EmployeesCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "CODE")
        String code;

        abstract void apply(DerbyAttendanceStore store);

        abstract String done();

        @Override
        public Integer call() {
            try (SuiteServices ctx = parent.app.openSuite()) {
                require(ctx.store(), code);
                apply(ctx.store());
                spec.commandLine().getOut().printf("%s %s%n", code, done());
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "deactivate", description = "Stop recognising an employee but keep their records.")
    static final class Deactivate extends OneEmployeeChange {
        @Override
        void apply(DerbyAttendanceStore store) {
            store.setActive(code, false, EnrollCommand.actor());
        }

        @Override
        String done() {
            return "deactivated";
        }
    }

    @Command(name = "activate", description = "Recognise a deactivated employee again.")
    static final class Activate extends OneEmployeeChange {
        @Override
        void apply(DerbyAttendanceStore store) {
            store.setActive(code, true, EnrollCommand.actor());
        }

        @Override
        String done() {
            return "activated";
        }
    }

    @Command(name = "consent", description = "Record today that the employee gave informed consent to biometric attendance.")
    static final class Consent extends OneEmployeeChange {
        @Override
        void apply(DerbyAttendanceStore store) {
            store.recordConsent(code, java.time.Instant.now(), EnrollCommand.actor());
        }

        @Override
        String done() {
            return "consent recorded";
        }
    }

    @Command(name = "withdraw-consent", description = {"Record that the employee withdrew consent: their face templates are erased "
        + "for good and running stations stop recognising them; the employee and their attendance records stay.",
        "Recording consent again and enrolling new photos makes them recognisable again."})
    static final class WithdrawConsent extends OneEmployeeChange {
        private int erased;

        @Override
        void apply(DerbyAttendanceStore store) {
            erased = store.withdrawConsent(code, EnrollCommand.actor());
        }

        @Override
        String done() {
            return "consent withdrawn, " + erased + " face template(s) erased";
        }
    }
}
