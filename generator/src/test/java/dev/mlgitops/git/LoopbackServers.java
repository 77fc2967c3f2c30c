package dev.mlgitops.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Servers the network tests start on 127.0.0.1 only, each stopping by itself when closed. */
final class LoopbackServers {

    static final String HOST = "127.0.0.1";

    private LoopbackServers() {
    }

    /** A port nothing listens on at the moment of asking. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stock {@code git daemon}, serving every repository under {@code basePath}, pushes allowed. */
    static final class GitDaemon implements AutoCloseable {

        private final Process process;
        private final int port;

        GitDaemon(Path basePath) {
            this.port = freePort();
            try {
                this.process = new ProcessBuilder(List.of("git", "daemon", "--reuseaddr", "--base-path=" + basePath,
                        "--export-all", "--enable=receive-pack", "--listen=" + HOST, "--port=" + port, basePath.toString()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            awaitListening();
        }

        String url(String repository) {
            return "git://" + HOST + ":" + port + "/" + repository;
        }

        private void awaitListening() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("git daemon exited with " + process.exitValue());
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(HOST, port), 200);
                    return;
                } catch (IOException notYet) {
                    sleep();
                }
            }
            close();
            throw new IllegalStateException("git daemon did not listen on port " + port + " within 10 s");
        }

        private static void sleep() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
