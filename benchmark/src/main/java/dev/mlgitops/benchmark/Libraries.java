package dev.mlgitops.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a cold run spends its time, by library (issue 16), from Flight Recorder recordings of the
 * same command made by {@code benchmark/libraries.sh} (the CLI as {@code bin/mlgitops} starts it,
 * the Maven goal inside Maven), added up and shown per run. Per library: the classes it loads and
 * the time their loading took (jdk.ClassLoad, each load's own time, the loads it triggered taken
 * out), and the CPU samples (jdk.ExecutionSample, every 10 ms of a running thread) whose innermost
 * frame outside the JDK is the library's: its own code and the JDK code it called (reflection,
 * regular expressions, collections). A sample with only JDK frames is the JVM's own work.
 *
 * <p>{@code java -cp benchmark/target/classes dev.mlgitops.benchmark.Libraries <title> <recording.jfr>...}
 */
public final class Libraries {

    private Libraries() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Libraries <title> <recording.jfr>...");
            System.exit(2);
        }
        List<Path> recordings = List.of(args).subList(1, args.length).stream().map(Path::of).toList();
        Map<String, Long> classes = new LinkedHashMap<>();
        Map<String, Duration> loading = new LinkedHashMap<>();
        Map<String, Long> samples = new LinkedHashMap<>();
        List<String> libraries = new ArrayList<>(ColdStart.LIBRARIES.keySet());
        libraries.add("maven");
        libraries.add("other");
        libraries.forEach(library -> {
            classes.put(library, 0L);
            loading.put(library, Duration.ZERO);
            samples.put(library, 0L);
        });
        for (Path recording : recordings) {
            List<RecordedEvent> loads = new ArrayList<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
                if (event.getEventType().getName().equals("jdk.ClassLoad")) {
                    loads.add(event);
                } else if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    samples.merge(sampleLibrary(event.getStackTrace().getFrames()), 1L, Long::sum);
                }
            }
            ownTimes(loads).forEach((event, own) -> {
                String library = library(event.getClass("loadedClass").getName());
                classes.merge(library, 1L, Long::sum);
                loading.merge(library, own, Duration::plus);
            });
        }
        int runs = recordings.size();
        long allSamples = samples.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "%s (%d runs; figures per run)%n", args[0], runs);
        System.out.println("| library | classes loaded | their loading, own time | CPU samples, innermost frame outside the JDK |");
        System.out.println("| --- | --- | --- | --- |");
        for (String library : libraries) {
            if (classes.get(library) + samples.get(library) > 0) {
                System.out.printf(Locale.ROOT, "| %s | %,d | %.0f ms | %.0f (%.0f%%) |%n", library, classes.get(library) / runs,
                        loading.get(library).toNanos() / 1e6 / runs, samples.get(library) / (double) runs,
                        100.0 * samples.get(library) / allSamples);
            }
        }
        System.out.printf(Locale.ROOT, "%n(%.0f samples per run, one per 10 ms of a running thread)%n%n", allSamples / (double) runs);
    }

    /** Each load's duration without the loads that ran inside it on the same thread. */
    private static Map<RecordedEvent, Duration> ownTimes(List<RecordedEvent> loads) {
        Map<RecordedEvent, Duration> own = new HashMap<>();
        Map<Long, List<RecordedEvent>> byThread = new HashMap<>();
        for (RecordedEvent load : loads) {
            long thread = load.getThread() == null ? -1 : load.getThread().getJavaThreadId();
            byThread.computeIfAbsent(thread, t -> new ArrayList<>()).add(load);
        }
        for (List<RecordedEvent> thread : byThread.values()) {
            thread.sort(Comparator.comparing(RecordedEvent::getStartTime)
                    .thenComparing(RecordedEvent::getEndTime, Comparator.reverseOrder()));
            Deque<RecordedEvent> open = new ArrayDeque<>();
            for (RecordedEvent load : thread) {
                while (!open.isEmpty() && !open.peek().getEndTime().isAfter(load.getStartTime())) {
                    open.pop();
                }
                own.put(load, load.getDuration());
                if (!open.isEmpty()) {
                    own.merge(open.peek(), load.getDuration().negated(), Duration::plus);
                }
                open.push(load);
            }
        }
        return own;
    }

    private static String sampleLibrary(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod() != null) {
                String library = library(frame.getMethod().getType().getName());
                if (!library.equals("jdk")) {
                    return library;
                }
            }
        }
        return "jdk";
    }

    private static String library(String className) {
        for (Map.Entry<String, Predicate<String>> library : ColdStart.LIBRARIES.entrySet()) {
            if (library.getValue().test(className)) {
                return library.getKey();
            }
        }
        return MAVEN.test(className) ? "maven" : "other";
    }

    /** Maven's own classes and its container's, when the recording is of a Maven build. */
    private static final Predicate<String> MAVEN = name -> name.startsWith("org.apache.maven.")
            || name.startsWith("org.codehaus.plexus.") || name.startsWith("org.eclipse.sisu.")
            || name.startsWith("org.eclipse.aether.") || name.startsWith("com.google.inject.")
            || name.startsWith("org.sonatype.plexus.") || name.startsWith("org.fusesource.");
}
