package dev.mlgitops.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * What a publish takes from the repository of the project's source (the one holding
 * mlproject.yaml): its HEAD commit, for the {@code Source-Commit} trailer, and the configured
 * user, as the fallback author.
 *
 * @param head the full id of the HEAD commit; empty when the folder is not in a Git repository or it has no commit
 * @param author {@code user.name} and {@code user.email} from its configuration (the user's global one included)
 */
public record SourceRepository(Optional<String> head, Optional<Author> author) {

    /** A source folder that is not in a Git repository. */
    public static final SourceRepository NONE = new SourceRepository(Optional.empty(), Optional.empty());

    /** Reads the repository {@code folder} is in (it may be a subfolder); never fails: what is unreadable is empty. */
    static SourceRepository read(Path folder) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return NONE;
        }
        try (Repository repository = builder.build()) {
            ObjectId head = repository.resolve(Constants.HEAD);
            StoredConfig config = repository.getConfig();
            String name = config.getString("user", null, "name");
            String email = config.getString("user", null, "email");
            Optional<Author> author = name == null || email == null ? Optional.empty() : Optional.of(new Author(name, email));
            return new SourceRepository(Optional.ofNullable(head).map(ObjectId::name), author);
        } catch (IOException | RuntimeException e) {
            // a source folder Git cannot read is publishable all the same, only without its commit
            return NONE;
        }
    }
}
