package dev.mlgitops.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH exec request served by a git process: the channel's bytes go to its standard input
 * and its output back, unchanged (no terminal translation: the pack protocol is binary), and its
 * exit code ends the channel.
 */
final class GitPackProcess implements Command {

    private final List<String> command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    GitPackProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        process = new ProcessBuilder(command).start();
        Thread input = pump("ssh-to-git", in, process.getOutputStream(), true);
        Thread errors = pump("git-stderr", process.getErrorStream(), err, false);
        Thread output = new Thread(() -> {
            copy(process.getInputStream(), out);
            int code = 1;
            try {
                errors.join(TimeUnit.SECONDS.toMillis(10));
                code = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            input.interrupt();
            exit.onExit(code);
        }, "git-stdout");
        output.setDaemon(true);
        output.start();
    }

    private static Thread pump(String name, InputStream from, OutputStream to, boolean closeWhenDone) {
        Thread thread = new Thread(() -> {
            copy(from, to);
            if (closeWhenDone) {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // the process is gone already
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Copies until the end, flushing every chunk: each side waits for the other's last packet. */
    private static void copy(InputStream from, OutputStream to) {
        byte[] buffer = new byte[8192];
        try {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException ended) {
            // the other side closed: the exit code tells how it went
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (process != null) {
            process.destroy();
        }
    }
}
