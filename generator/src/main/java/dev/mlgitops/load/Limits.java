package dev.mlgitops.load;

/** How much of a YAML file the loader accepts; a spec needs far less, an attack far more. */
final class Limits {

    /** 1 MiB: the reference file is about 7 KiB. */
    static final int MAX_BYTES = 1024 * 1024;

    /** Aliases counted after expansion, so nested aliases ("billion laughs") count as often as they expand. */
    static final int MAX_ALIASES = 50;

    /** Mappings and sequences inside one another; the reference file nests 7 deep. */
    static final int MAX_DEPTH = 64;

    private Limits() {
    }
}
