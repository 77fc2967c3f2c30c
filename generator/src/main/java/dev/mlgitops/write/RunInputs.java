package dev.mlgitops.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.mlgitops.write.Sha256;

/**
 * The digest of everything a generate run's output depends on: the spec file, the blueprint
 * folder, the generator itself (its jar, with the built-in blueprints and schemas) and the
 * options that shape the tree. Equal digests mean the run would write the same tree.
 */
public final class RunInputs {

    private RunInputs() {
    }

    /**
     * Empty when an input cannot be read: the run then does the work, and reports what is wrong.
     *
     * @param failOn the name of the least severity that fails the run, e.g. {@code ERROR}
     * @param applicationsIn the name of where the Argo CD Applications live, e.g. {@code TEAM_NAMESPACES}
     * @param deniedNamespaces the namespaces no environment may deploy to, beside the reserved ones
     */
    public static Optional<String> digest(Path specFile, Optional<Path> blueprints, List<String> environments,
                                          String failOn, String applicationsIn, List<String> deniedNamespaces,
                                          Path outputDirectory) {
        Optional<String> generator = Generator.DIGEST;
        if (generator.isEmpty()) {
            return Optional.empty();
        }
        MessageDigest digest = Sha256.digest();
        try {
            add(digest, "mlgitops run inputs 1");
            add(digest, generator.get());
            add(digest, specFile.getFileName().toString());
            add(digest, Files.readAllBytes(specFile));
            if (blueprints.isPresent()) {
                addFolder(digest, blueprints.get());
            }
            add(digest, String.join(",", environments));
            add(digest, failOn);
            add(digest, applicationsIn);
            add(digest, String.join(",", deniedNamespaces));
            add(digest, outputDirectory.toAbsolutePath().normalize().toString());
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        return Optional.of(Sha256.hex(digest.digest()));
    }

    /** Every file under the folder, by relative path, in path order. */
    private static void addFolder(MessageDigest digest, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            add(digest, folder.relativize(file).toString().replace('\\', '/'));
            add(digest, Files.readAllBytes(file));
        }
    }

    private static void add(MessageDigest digest, String text) {
        add(digest, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Length first, so that no two sequences of pieces feed the same bytes. */
    private static void add(MessageDigest digest, byte[] bytes) {
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    /** The generator's own digest, read once: its jar, or the classes folder a test runs from. */
    private static final class Generator {

        static final Optional<String> DIGEST = read();

        private static Optional<String> read() {
            try {
                CodeSource source = RunInputs.class.getProtectionDomain().getCodeSource();
                if (source == null || source.getLocation() == null) {
                    return Optional.empty();
                }
                Path location = Path.of(source.getLocation().toURI());
                MessageDigest digest = Sha256.digest();
                if (Files.isDirectory(location)) {
                    addFolder(digest, location);
                } else {
                    add(digest, Files.readAllBytes(location));
                }
                return Optional.of(Sha256.hex(digest.digest()));
            } catch (IOException | URISyntaxException | RuntimeException e) {
                return Optional.empty(); // an unusual class loader: no stamps, every run does the work
            }
        }
    }
}
