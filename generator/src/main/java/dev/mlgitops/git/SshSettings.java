package dev.mlgitops.git;

import java.nio.file.Path;
import java.util.List;

/**
 * Where SSH finds its files. The server's host key is always checked against the known-hosts
 * files: an unknown or changed host key fails the publish.
 *
 * @param homeDirectory the user's home, against which {@code ~} in the SSH configuration resolves
 * @param sshDirectory the folder of the SSH configuration file and the default keys and known hosts
 * @param identityFiles private key files to offer; empty means the defaults in {@code sshDirectory} (id_ed25519, id_rsa, ...)
 * @param knownHostsFiles known-hosts files; empty means {@code sshDirectory/known_hosts}
 */
public record SshSettings(Path homeDirectory, Path sshDirectory, List<Path> identityFiles, List<Path> knownHostsFiles) {

    public SshSettings {
        identityFiles = List.copyOf(identityFiles);
        knownHostsFiles = List.copyOf(knownHostsFiles);
    }

    /** The current user's {@code ~/.ssh}, as the ssh command would use it. */
    public static SshSettings defaults() {
        Path home = Path.of(System.getProperty("user.home"));
        return new SshSettings(home, home.resolve(".ssh"), List.of(), List.of());
    }

    public SshSettings withIdentityFiles(List<Path> files) {
        return new SshSettings(homeDirectory, sshDirectory, files, knownHostsFiles);
    }

    public SshSettings withKnownHostsFiles(List<Path> files) {
        return new SshSettings(homeDirectory, sshDirectory, identityFiles, files);
    }
}
