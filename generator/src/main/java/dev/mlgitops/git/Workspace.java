package dev.mlgitops.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.release.PastRelease;
import dev.mlgitops.release.Release;
import dev.mlgitops.write.TreeWriter;
import dev.mlgitops.write.WriteResult;
import dev.mlgitops.yaml.Header;

/**
 * The clone of the GitOps repository that mlgitops works in, one Git operation a method. It only
 * ever changes files under the tree's root, and refuses a folder with uncommitted changes
 * anywhere else, so that pointing it at someone's own clone cannot lose their work.
 */
final class Workspace implements AutoCloseable {

    private static final String ORIGIN = Constants.DEFAULT_REMOTE_NAME;
    private static final String ORIGIN_HEAD = Constants.R_REMOTES + ORIGIN + "/" + Constants.HEAD;
    private static final int MESSAGE_LIMIT = 2000;
    /** What a remote says when another push updated the branch while ours was in flight. */
    private static final List<String> LOST_RACE = List.of("failed to update ref", "cannot lock ref", "failed to lock", "lock error");

    private final Git git;
    private final Path folder;
    private final Remote remote;
    private final String root;

    private Workspace(Git git, Path folder, Remote remote, String root) {
        this.git = git;
        this.folder = folder;
        this.remote = remote;
        this.root = root;
    }

    /** Clones the remote into an empty or missing folder, or opens and fetches the clone of it already there. */
    static Workspace open(Path folder, Remote remote, String root) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (isEmptyOrMissing(absolute)) {
            return cloneInto(absolute, remote, root);
        }
        Git git;
        try {
            git = Git.open(absolute.toFile());
        } catch (IOException e) {
            throw new GitOpsException("opening the work folder " + absolute + ": it is neither empty nor a Git clone", e);
        }
        String origin = git.getRepository().getConfig().getString("remote", ORIGIN, "url");
        if (origin == null || !sameRepository(remote.url(), origin)) {
            git.close();
            throw new GitOpsException("opening the work folder " + absolute + ": it is a clone of "
                    + (origin == null ? "no remote" : Redaction.stripUserInfo(origin)) + ", not of " + remote.display());
        }
        Workspace workspace = new Workspace(git, absolute, remote, root);
        try {
            if (!origin.equals(remote.url())) {
                // a clone made when the URL still held a token: the configuration keeps the URL without it
                workspace.setOrigin(remote.url());
            }
            workspace.refuseChangesOutsideRoot();
            workspace.fetch();
            return workspace;
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    private static Workspace cloneInto(Path folder, Remote remote, String root) {
        try {
            Git git = remote.configure(Git.cloneRepository().setURI(remote.url()).setDirectory(folder.toFile())).call();
            Workspace workspace = new Workspace(git, folder, remote, root);
            workspace.rememberRemoteDefaultBranch();
            return workspace;
        } catch (GitAPIException | RuntimeException e) {
            throw remote.failure("cloning " + remote.display(), e);
        }
    }

    private static boolean sameRepository(String url, String origin) {
        return withoutTrailingSlash(url).equals(withoutTrailingSlash(origin))
                || withoutTrailingSlash(url).equals(withoutTrailingSlash(Redaction.stripUserInfo(origin)));
    }

    private void setOrigin(String url) {
        try {
            var config = git.getRepository().getConfig();
            config.setString("remote", ORIGIN, "url", url);
            config.save();
        } catch (IOException e) {
            throw new GitOpsException("rewriting the origin URL of the work folder " + folder + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean isEmptyOrMissing(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new GitOpsException("listing the work folder " + folder + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** As git clone does: refs/remotes/origin/HEAD names the branch the remote's HEAD was on. */
    private void rememberRemoteDefaultBranch() throws GitAPIException {
        try {
            Repository repository = git.getRepository();
            String branch = repository.getFullBranch();
            if (branch != null && branch.startsWith(Constants.R_HEADS) && tracking(Repository.shortenRefName(branch)) != null) {
                repository.updateRef(ORIGIN_HEAD).link(Constants.R_REMOTES + ORIGIN + "/" + Repository.shortenRefName(branch));
            }
        } catch (IOException e) {
            throw new GitOpsException("recording the default branch of " + remote.display() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    void fetch() {
        try {
            remote.configure(git.fetch().setRemote(ORIGIN).setRemoveDeletedRefs(true)).call();
        } catch (GitAPIException | RuntimeException e) {
            throw remote.failure("fetching from " + remote.display(), e);
        }
    }

    /** The remote's default branch when known, else "main" (an empty repository has none). */
    String defaultBranch() {
        try {
            var head = git.getRepository().exactRef(ORIGIN_HEAD);
            if (head != null && head.isSymbolic()) {
                return head.getTarget().getName().substring((Constants.R_REMOTES + ORIGIN + "/").length());
            }
            return "main";
        } catch (IOException e) {
            throw ioFailure("reading the default branch", e);
        }
    }

    /**
     * Puts HEAD on {@code branch} and the files on its commit: its local commits are kept when the
     * remote branch does not already contain them (they wait to be pushed), else the remote's
     * commit is taken; a branch that exists nowhere starts at {@code startPoint}'s commit, or with
     * no commit at all in an empty repository.
     */
    void switchTo(String branch, String startPoint) {
        try {
            ObjectId local = git.getRepository().resolve(Constants.R_HEADS + branch);
            ObjectId tracking = tracking(branch);
            ObjectId start;
            if (local != null && tracking != null) {
                start = contains(tracking, local) ? tracking : local;
            } else if (local != null || tracking != null) {
                start = local != null ? local : tracking;
            } else {
                start = firstNonNull(tracking(startPoint), git.getRepository().resolve(Constants.R_HEADS + startPoint),
                        git.getRepository().resolve(ORIGIN_HEAD), git.getRepository().resolve(Constants.HEAD));
            }
            place(branch, start);
        } catch (IOException | GitAPIException e) {
            throw ioFailure("checking out branch " + branch, e);
        }
    }

    /** After the remote moved: the branch goes to the remote's commit, dropping our unpushed one. */
    void resetToRemote(String branch) {
        try {
            ObjectId tracking = tracking(branch);
            if (tracking != null) {
                place(branch, tracking);
            }
        } catch (IOException | GitAPIException e) {
            throw ioFailure("resetting branch " + branch + " to " + remote.display(), e);
        }
    }

    private void place(String branch, ObjectId start) throws IOException, GitAPIException {
        Repository repository = git.getRepository();
        RefUpdate head = repository.updateRef(Constants.HEAD);
        checkUpdate(head.link(Constants.R_HEADS + branch), "pointing HEAD at " + branch);
        if (start == null) {
            return;
        }
        RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
        update.setNewObjectId(start);
        update.setForceUpdate(true);
        update.setRefLogMessage("mlgitops: start from " + start.name(), false);
        checkUpdate(update.update(), "moving " + branch);
        // only changes under the root can be here (see refuseChangesOutsideRoot), and those are regenerated
        git.reset().setMode(ResetType.HARD).call();
    }

    /** Writes the tree, stages exactly its changes under the root, and commits them if there are any. */
    Attempt commit(OutputTree tree, MessageParts parts, Author author) {
        WriteResult written = TreeWriter.write(tree, folder);
        try {
            stage(tree);
            Status status = status(true);
            Set<String> changed = new TreeSet<>();
            changed.addAll(status.getAdded());
            changed.addAll(status.getChanged());
            changed.addAll(status.getRemoved());
            if (changed.isEmpty()) {
                return new Attempt(written, false);
            }
            List<String> relative = changed.stream().map(path -> root.isEmpty() ? path : path.substring(root.length() + 1)).toList();
            String message = CommitMessage.of(parts.project(), root, relative,
                    status.getAdded().size() + status.getChanged().size(), status.getRemoved().size(),
                    parts.subject(), parts.sourceCommit(), parts.trailers());
            PersonIdent ident = new PersonIdent(author.name(), author.email());
            git.commit().setMessage(message).setAuthor(ident).setCommitter(ident).setSign(Boolean.FALSE).setNoVerify(true).call();
            return new Attempt(written, true);
        } catch (IOException | GitAPIException e) {
            throw ioFailure("committing " + (root.isEmpty() ? "the tree" : root), e);
        }
    }

    /** Adds the tree's files; removes from the index our files (by their header) gone from the folder. */
    private void stage(OutputTree tree) throws IOException, GitAPIException {
        if (!tree.files().isEmpty()) {
            var add = git.add();
            tree.files().keySet().forEach(file -> add.addFilepattern(inRoot(file)));
            add.call();
        }
        List<String> gone = new ArrayList<>();
        for (String missing : status(true).getMissing()) {
            if (isOursInIndex(missing)) {
                gone.add(missing);
            }
        }
        if (!gone.isEmpty()) {
            var rm = git.rm().setCached(true);
            gone.forEach(rm::addFilepattern);
            rm.call();
        }
    }

    private boolean isOursInIndex(String path) throws IOException {
        DirCacheEntry entry = git.getRepository().readDirCache().getEntry(path);
        if (entry == null) {
            return false;
        }
        try (InputStream in = git.getRepository().open(entry.getObjectId()).openStream()) {
            return Header.isGenerated(in.readNBytes(Header.PREFIX_BYTES));
        }
    }

    /** Pushes the branch without force; the remote's answer, or UP_TO_DATE when there was nothing to push. */
    PushOutcome push(String branch) {
        try {
            ObjectId local = git.getRepository().resolve(Constants.R_HEADS + branch);
            if (local == null || local.equals(tracking(branch))) {
                return new PushOutcome(RemoteRefUpdate.Status.UP_TO_DATE, Optional.empty(), Optional.empty());
            }
            String ref = Constants.R_HEADS + branch;
            var command = git.push().setRemote(ORIGIN).setRefSpecs(new RefSpec(ref + ":" + ref)).setForce(false);
            remote.receivePack().ifPresent(command::setReceivePack);
            Iterable<PushResult> results = remote.configure(command).call();
            for (PushResult result : results) {
                RemoteRefUpdate update = result.getRemoteUpdate(ref);
                if (update != null) {
                    // a hook's explanation comes as the remote's messages, not in the status's short reason
                    return new PushOutcome(update.getStatus(), Optional.ofNullable(update.getMessage()).map(remote::redact),
                            remoteMessages(result.getMessages()).map(remote::redact));
                }
            }
            return new PushOutcome(RemoteRefUpdate.Status.NOT_ATTEMPTED, Optional.of("the remote did not answer for " + ref), Optional.empty());
        } catch (IOException | GitAPIException | RuntimeException e) {
            throw remote.failure("pushing branch " + branch + " to " + remote.display(), e);
        }
    }

    /**
     * The lines the remote sent while receiving (hooks' output, JGit's "remote: " prefix dropped),
     * joined by " / ", control characters shown as spaces; at most {@value #MESSAGE_LIMIT} characters.
     */
    static Optional<String> remoteMessages(String messages) {
        if (messages == null || messages.isBlank()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (String line : messages.split("\\R")) {
            String text = line.replaceFirst("^remote:\\s*", "").replaceAll("\\p{Cntrl}", " ").strip();
            if (!text.isEmpty()) {
                lines.add(text);
            }
        }
        String joined = String.join(" / ", lines);
        return joined.isEmpty() ? Optional.empty()
                : Optional.of(joined.length() <= MESSAGE_LIMIT ? joined : joined.substring(0, MESSAGE_LIMIT) + "...");
    }

    /** The files under the root on the remote's {@code branch} (else the local one), read from Git's objects; empty when neither exists. */
    SortedMap<String, String> filesAt(String branch) {
        SortedMap<String, String> files = new TreeMap<>();
        try {
            Repository repository = git.getRepository();
            ObjectId commit = firstNonNull(tracking(branch), repository.resolve(Constants.R_HEADS + branch));
            if (commit == null) {
                return files;
            }
            try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
                tree.addTree(walk.parseCommit(commit).getTree());
                tree.setRecursive(true);
                if (!root.isEmpty()) {
                    tree.setFilter(PathFilter.create(root));
                }
                while (tree.next()) {
                    String path = tree.getPathString();
                    byte[] bytes = repository.open(tree.getObjectId(0)).getBytes();
                    files.put(root.isEmpty() ? path : path.substring(root.length() + 1), new String(bytes, StandardCharsets.UTF_8));
                }
            }
            return files;
        } catch (IOException e) {
            throw ioFailure("reading branch " + branch, e);
        }
    }

    /**
     * The releases each environment pinned on the remote's {@code branch} (else the local one),
     * newest first: every commit that changed {@code overlays/<env>/release.yaml} under the root.
     * A file that is no release (edited by hand) is left out: nothing can be rolled back to it.
     */
    List<PastRelease> releaseHistory(String branch, List<String> environments) {
        List<PastRelease> releases = new ArrayList<>();
        try {
            Repository repository = git.getRepository();
            ObjectId tip = firstNonNull(tracking(branch), repository.resolve(Constants.R_HEADS + branch));
            if (tip == null) {
                return releases;
            }
            for (String environment : environments) {
                String path = inRoot(Release.path(environment));
                for (RevCommit commit : git.log().add(tip).addPath(path).call()) {
                    try (TreeWalk file = TreeWalk.forPath(repository, path, commit.getTree())) {
                        if (file == null) {
                            continue;
                        }
                        String text = new String(repository.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
                        try {
                            releases.add(new PastRelease(environment, commit.name(), Release.parse(path, text)));
                        } catch (MlGitopsException notARelease) {
                            // a hand-edited file: not a release anyone can return to
                        }
                    }
                }
            }
            return releases;
        } catch (IOException | GitAPIException e) {
            throw ioFailure("reading the releases' history on branch " + branch, e);
        }
    }

    Optional<String> head() {
        try {
            return Optional.ofNullable(git.getRepository().resolve(Constants.HEAD)).map(ObjectId::name);
        } catch (IOException e) {
            throw ioFailure("reading HEAD", e);
        }
    }

    private void refuseChangesOutsideRoot() {
        try {
            Status status = status(false);
            Set<String> changed = new TreeSet<>();
            Stream.of(status.getAdded(), status.getChanged(), status.getRemoved(), status.getModified(),
                    status.getMissing(), status.getConflicting()).forEach(changed::addAll);
            Optional<String> outside = changed.stream().filter(path -> !root.isEmpty() && !path.startsWith(root + "/")).findFirst();
            if (outside.isPresent()) {
                throw new GitOpsException("opening the work folder " + folder + ": it has uncommitted changes outside "
                        + root + " (" + outside.get() + "); mlgitops resets its clone and would lose them");
            }
        } catch (GitAPIException e) {
            throw ioFailure("reading the status of the work folder " + folder, e);
        }
    }

    private Status status(boolean underRootOnly) throws GitAPIException {
        var command = git.status();
        if (underRootOnly && !root.isEmpty()) {
            command.addPath(root);
        }
        return command.call();
    }

    private ObjectId tracking(String branch) throws IOException {
        return git.getRepository().resolve(Constants.R_REMOTES + ORIGIN + "/" + branch);
    }

    private boolean contains(ObjectId tip, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit base = walk.parseCommit(commit);
            return walk.isMergedInto(base, walk.parseCommit(tip));
        }
    }

    private static ObjectId firstNonNull(ObjectId... ids) {
        for (ObjectId id : ids) {
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static void checkUpdate(RefUpdate.Result result, String action) {
        switch (result) {
            case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> { }
            default -> throw new GitOpsException(action + ": " + result);
        }
    }

    private String inRoot(String file) {
        return root.isEmpty() ? file : root + "/" + file;
    }

    private GitOpsException ioFailure(String action, Exception e) {
        return remote.failure(action + " in the work folder " + folder, e);
    }

    @Override
    public void close() {
        git.close();
    }

    /** What one write-and-commit did. */
    record Attempt(WriteResult written, boolean committed) {
    }

    /** The remote's answer to one push: its status, the status's short reason, and what the remote said meanwhile. */
    record PushOutcome(RemoteRefUpdate.Status status, Optional<String> message, Optional<String> remoteMessages) {

        boolean accepted() {
            return status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE;
        }

        boolean nothingToPush() {
            return status == RemoteRefUpdate.Status.UP_TO_DATE;
        }

        /**
         * The remote moved since we fetched: fetching, re-applying and pushing again can succeed. That
         * includes a ref the remote failed to update because another push landed while ours was in flight.
         */
        boolean remoteMoved() {
            if (status == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD || status == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED) {
                return true;
            }
            String reason = message.orElse("").toLowerCase(Locale.ROOT);
            return status == RemoteRefUpdate.Status.REJECTED_OTHER_REASON && LOST_RACE.stream().anyMatch(reason::contains);
        }

        /** For the result: the status, its reason and the remote's own words. */
        String describe() {
            return status + message.map(m -> ": " + m).orElse("") + remoteMessages.map(m -> "; the remote said: " + m).orElse("");
        }
    }

    /** What the commit message is made of besides the changed paths. */
    record MessageParts(String project, Optional<String> subject, Optional<String> sourceCommit, List<String> trailers) {
    }
}
