package dev.mlgitops.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Position;

/**
 * Turns a file's bytes into text, strictly: a byte order mark is warned about and dropped, and
 * any byte that is not UTF-8 is an error at its line and column (the parser would otherwise
 * guess another encoding or replace the byte silently).
 */
final class Utf8Text {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Utf8Text() {
    }

    static Optional<String> decode(byte[] content, String sourceFile, Findings findings) {
        int start = 0;
        if (startsWithBom(content)) {
            findings.add(Code.YAML_BOM, "", new Position(sourceFile, 1, 1), Code.YAML_BOM.message());
            start = BOM.length;
        }
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(content.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int badByte = content[in.position()] & 0xFF;
            findings.add(Code.YAML_ENCODING, "", positionOf(out.flip(), sourceFile), Code.YAML_ENCODING.message(badByte));
            return Optional.empty();
        }
        return Optional.of(out.flip().toString());
    }

    private static boolean startsWithBom(byte[] content) {
        return content.length >= BOM.length
                && content[0] == BOM[0] && content[1] == BOM[1] && content[2] == BOM[2];
    }

    /** The position just after the text decoded so far, which is where the bad byte stands. */
    private static Position positionOf(CharSequence decoded, String sourceFile) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(sourceFile, line, column);
    }
}
