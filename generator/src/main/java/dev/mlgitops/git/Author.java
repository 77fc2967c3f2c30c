package dev.mlgitops.git;

import java.util.Objects;

/** Who a publish commit is by (author and committer alike). */
public record Author(String name, String email) {

    /** Used when neither the caller nor the source repository's configuration names anyone. */
    public static final Author FALLBACK = new Author("mlgitops", "mlgitops@localhost");

    public Author {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
