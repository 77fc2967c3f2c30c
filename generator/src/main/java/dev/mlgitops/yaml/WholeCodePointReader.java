package dev.mlgitops.yaml;

import java.io.Reader;

/**
 * Reads a string without ever ending a chunk between the two halves of a surrogate pair (an
 * emoji, say). SnakeYAML Engine's StreamReader overruns its buffer when a chunk ends on a high
 * surrogate at the buffer's end (an IndexOutOfBoundsException on a valid file); with whole code
 * points it never takes that path. Use it wherever YAML text is parsed.
 */
public final class WholeCodePointReader extends Reader {

    private final String text;
    private int position;

    public WholeCodePointReader(String text) {
        this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position >= text.length()) {
            return -1;
        }
        int count = Math.min(length, text.length() - position);
        if (count > 1 && Character.isHighSurrogate(text.charAt(position + count - 1))) {
            count--;
        }
        text.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
