import com.faceattend.spi.AttendanceEvent;
import com.faceattend.store.DerbyAttendanceStore;
import com.faceattend.store.ScheduleStore;
import com.faceattend.store.WorkShift;
import com.faceattend.suite.SuiteServices;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;

/**
 * A data folder for {@code measure-startup}'s "staff" case: N employees in three departments on a
 * day shift, about two thirds of them checked in during the last hours, the set-up marked done.
 * Run with the command line's class path:
 * {@code java -cp "modules/cli/target/faceattend-cli.jar:modules/cli/target/lib/*" StartupFixture.java DATA N}
 */
public final class StartupFixture {
    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        int people = Integer.parseInt(args[1]);
        try (SuiteServices suite = new SuiteServices(data)) {
            DerbyAttendanceStore store = suite.store();
            ScheduleStore schedules = new ScheduleStore(store);
            schedules.saveShift(new WorkShift("Day", LocalTime.of(8, 0), LocalTime.of(16, 30), 10, EnumSet.allOf(DayOfWeek.class)),
                    "bench");
            String[] departments = {"Sales", "Production", "Office"};
            Instant now = Instant.now();
            for (int i = 0; i < people; i++) {
                String code = String.format("E%03d", i + 1);
                String name = "Employee " + (i + 1);
                store.addEmployee(code, name, departments[i % departments.length], now.minusSeconds(86_400));
                if (i % 3 != 2) {
                    // spread over the last hours, never before today's midnight (UTC) so they count today
                    long ago = Math.min(i * 300L, Math.max(0, now.getEpochSecond() % 86_400 - 60));
                    store.recordAttendance(new AttendanceEvent.PersonRecognized(now.minusSeconds(ago), "Main entrance", code, name,
                            AttendanceEvent.Direction.IN, 0.8f, 0.95f));
                }
            }
            for (String d : departments) {
                schedules.assignToDepartment("Day", d, LocalDate.now().minusDays(30), "bench");
            }
            schedules.markFirstStart("done", "bench");
        }
    }
}
