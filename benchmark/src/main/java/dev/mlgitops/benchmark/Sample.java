package dev.mlgitops.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

/**
 * One timed run: wall time, the process's CPU time (every thread's: the generator works on both
 * cores, and GC and JIT threads count too; the machine is shared, and wall time counts waiting
 * for a core, CPU time does not), bytes allocated by every thread, and the heap's peak. Before
 * the run a full GC and a reset of every heap pool's peak, so the peak is this run's. The peak is
 * the sum of each pool's own peak, an upper bound (pools need not peak at the same moment: it can
 * exceed the JVM's maximum heap). What the heap held is also kept as the collector saw it: the
 * most in use when a collection started (or at the run's end), and the most still in use after
 * one, the live set at most.
 */
record Sample(long nanos, long cpuNanos, long allocatedBytes, long peakHeapBytes, long inUseBytes, long liveBytes) {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();

    /** A run's result and its sample. */
    record Timed<T>(T value, Sample sample) {}

    static <T> Timed<T> of(Supplier<T> run) {
        System.gc();
        HEAP.forEach(MemoryPoolMXBean::resetPeakUsage);
        CollectorWatch.WATCH.reset();
        Map<Long, Long> allocatedBefore = allocatedByThread();
        long cpuBefore = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        T value = run.get();
        long nanos = System.nanoTime() - start;
        long cpu = PROCESS.getProcessCpuTime() - cpuBefore;
        // threads started during the run count from zero; one that ended during it is missed (the pool keeps its own)
        long allocated = allocatedByThread().entrySet().stream()
                .mapToLong(e -> e.getValue() - allocatedBefore.getOrDefault(e.getKey(), 0L)).sum();
        long peak = HEAP.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long inUse = Math.max(CollectorWatch.WATCH.mostBefore(), HEAP.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum());
        return new Timed<>(value, new Sample(nanos, cpu, allocated, peak, inUse, CollectorWatch.WATCH.mostAfter()));
    }

    /**
     * The heap before and after each collection, from the collectors' notifications. They arrive
     * late, on another thread: the full GC before a run is often reported after {@link #reset},
     * with the heap of the run before it, so a collection that started before the reset, or
     * that {@code System.gc()} asked for, does not count.
     */
    private static final class CollectorWatch implements NotificationListener {

        static final CollectorWatch WATCH = new CollectorWatch();

        private final AtomicLong mostBefore = new AtomicLong();
        private final AtomicLong mostAfter = new AtomicLong();
        // the JVM's uptime at the reset, in ms: what GcInfo's start times count from
        private volatile long resetAt;

        private CollectorWatch() {
            ManagementFactory.getGarbageCollectorMXBeans().forEach(
                    collector -> ((NotificationEmitter) collector).addNotificationListener(this, null, null));
        }

        void reset() {
            resetAt = ManagementFactory.getRuntimeMXBean().getUptime();
            mostBefore.set(0);
            mostAfter.set(0);
        }

        long mostBefore() {
            return mostBefore.get();
        }

        long mostAfter() {
            return mostAfter.get();
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo collection = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            GcInfo info = collection.getGcInfo();
            if ("System.gc()".equals(collection.getGcCause()) || info.getStartTime() < resetAt) {
                return;
            }
            mostBefore.accumulateAndGet(heap(info.getMemoryUsageBeforeGc()), Math::max);
            mostAfter.accumulateAndGet(heap(info.getMemoryUsageAfterGc()), Math::max);
        }

        private static long heap(Map<String, MemoryUsage> byPool) {
            return HEAP.stream().map(pool -> byPool.get(pool.getName())).filter(java.util.Objects::nonNull)
                    .mapToLong(MemoryUsage::getUsed).sum();
        }
    }

    private static Map<Long, Long> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "%.1f ms (cpu %.1f ms), %.1f MiB allocated, %.0f MiB peak heap "
                + "(at most %.0f MiB in use, %.0f MiB live)", millis(), cpuNanos / 1e6, allocatedBytes / 1048576.0,
                peakHeapBytes / 1048576.0, inUseBytes / 1048576.0, liveBytes / 1048576.0);
    }

    double millis() {
        return nanos / 1e6;
    }

    /** The median of each figure on its own (the heap's: the largest). */
    static Sample summary(List<Sample> samples) {
        return new Sample(median(samples, Sample::nanos), median(samples, Sample::cpuNanos),
                median(samples, Sample::allocatedBytes),
                samples.stream().mapToLong(Sample::peakHeapBytes).max().orElse(0),
                samples.stream().mapToLong(Sample::inUseBytes).max().orElse(0),
                samples.stream().mapToLong(Sample::liveBytes).max().orElse(0));
    }

    static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> figure) {
        long[] values = samples.stream().mapToLong(figure).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }

    static long medianOf(List<Long> values) {
        List<Long> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
