package dev.mlgitops;

/** How a command ended; every status but {@link #CLEAN} fails a build (exit code 1 on the command line). */
public enum Status {
    /** Nothing wrong: no finding reaches the fail-on severity, the tree is in step, the publish went through. */
    CLEAN,
    /** The spec has findings that reach the fail-on severity; nothing was written. */
    FINDINGS,
    /** {@code check}: the committed tree is not what the spec generates. */
    DRIFT,
    /** {@code publish}: the deletion guard refused the change; nothing was committed. */
    REFUSED,
    /** {@code publish}: the remote refused the push; nothing was forced. */
    REJECTED
}
