package dev.mlgitops.cli;

/** What the tool's exit code says; CI scripts rely on these. */
final class ExitCodes {

    /** Nothing wrong: no errors (warnings may be printed), the tree in step. */
    static final int CLEAN = 0;
    /** The spec has errors, the tree is out of step, or a publish was refused or its push rejected. */
    static final int FINDINGS = 1;
    /** The command line is wrong: an unknown option, a missing spec file. */
    static final int USAGE = 2;
    /** The environment failed: a file could not be written, Git could not reach the remote. */
    static final int ENVIRONMENT = 3;

    private ExitCodes() {
    }
}
