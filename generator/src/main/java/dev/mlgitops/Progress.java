package dev.mlgitops;

/** Where the generator reports what it is doing; the Maven plugin adapts its log to it. */
@FunctionalInterface
public interface Progress {

    Progress SILENT = line -> { };

    void info(String line);
}
