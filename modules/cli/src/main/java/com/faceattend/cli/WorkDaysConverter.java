package com.faceattend.cli;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;

/** Reads work days as people write them: {@code MON-FRI}, {@code MON,WED,FRI}, {@code SAT-SUN}, {@code ALL}. */
final class WorkDaysConverter implements CommandLine.ITypeConverter<Set<DayOfWeek>> {
    @Override
    public Set<DayOfWeek> convert(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.equals("ALL")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : v.split(",")) {
            String[] range = part.trim().split("-");
            if (range.length > 2 || part.isBlank()) {
                throw bad(value);
            }
            DayOfWeek first = day(range[0], value);
            DayOfWeek last = range.length == 2 ? day(range[1], value) : first;
            // a range may wrap round the week: FRI-MON is Friday to Monday
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation, String whole) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation.trim()) && abbreviation.trim().length() >= 3) {
                return d;
            }
        }
        throw bad(whole);
    }

    private static CommandLine.TypeConversionException bad(String value) {
        return new CommandLine.TypeConversionException("'" + value
                + "' is not a list of days; write e.g. MON-FRI, MON,WED,FRI or ALL");
    }
}
