package dev.mlgitops.finding;

/**
 * A place in a source file, 1-based like compilers print them.
 *
 * @param file the file as the user named it (never an absolute path of this machine)
 */
public record Position(String file, int line, int column) {

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
