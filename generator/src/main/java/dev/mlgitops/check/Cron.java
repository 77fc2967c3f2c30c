package dev.mlgitops.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The cron syntax Kubernetes CronJobs and Argo CronWorkflows accept: five fields (minute, hour,
 * day of month, month, day of week) with {@code *}, lists, ranges and steps, month and weekday
 * names, or one of the {@code @hourly}-style macros.
 */
final class Cron {

    private record Field(String name, int min, int max, List<String> names) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
                    "OCT", "NOV", "DEC")),
            new Field("day of week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

    private static final Set<String> MACROS = Set.of(
            "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

    private Cron() {
    }

    /** Why the expression is invalid, or empty when it is valid. */
    static Optional<String> problem(String expression) {
        String trimmed = expression.trim();
        if (trimmed.startsWith("@")) {
            return MACROS.contains(trimmed)
                    ? Optional.empty()
                    : Optional.of("unknown macro; use one of " + String.join(", ", MACROS.stream().sorted().toList()));
        }
        if (trimmed.startsWith("TZ=") || trimmed.startsWith("CRON_TZ=")) {
            return Optional.of("time zones are not allowed in the schedule; the cluster's time zone applies");
        }
        String[] parts = trimmed.split("\\s+");
        if (parts.length != FIELDS.size()) {
            return Optional.of("it has " + parts.length + " fields; use five: minute hour day-of-month month day-of-week");
        }
        for (int i = 0; i < parts.length; i++) {
            Optional<String> problem = fieldProblem(parts[i], FIELDS.get(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fieldProblem(String text, Field field) {
        for (String item : text.split(",", -1)) {
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                String step = item.substring(slash + 1);
                Optional<Integer> value = number(step);
                if (value.isEmpty() || value.get() < 1) {
                    return Optional.of("the " + field.name() + " step '" + step + "' must be a positive number");
                }
                range = item.substring(0, slash);
            }
            if (range.equals("*") || range.equals("?") && field.name().startsWith("day")) {
                continue;
            }
            String[] ends = range.split("-", -1);
            if (ends.length > 2) {
                return Optional.of("the " + field.name() + " '" + item + "' is not a value, range or step");
            }
            int previous = Integer.MIN_VALUE;
            for (String end : ends) {
                Optional<Integer> value = value(end, field);
                if (value.isEmpty()) {
                    return Optional.of("the " + field.name() + " '" + end + "' is not a number from "
                            + field.min() + " to " + field.max());
                }
                if (value.get() < previous) {
                    return Optional.of("the " + field.name() + " range '" + range + "' runs backwards");
                }
                previous = value.get();
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> value(String text, Field field) {
        int named = field.names().indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return Optional.of(named + field.min());
        }
        return number(text).filter(n -> n >= field.min() && n <= field.max());
    }

    private static Optional<Integer> number(String text) {
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }
}
