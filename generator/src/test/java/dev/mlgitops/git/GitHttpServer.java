package dev.mlgitops.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Git's smart HTTP protocol on 127.0.0.1: the JDK's HTTP server in front of the stock
 * {@code git http-backend} (run as CGI per request), serving the repositories under a folder.
 * It records every request's path and Authorization header, and answers 401 to requests whose
 * Authorization the given rule does not accept. Also: a server that redirects every request to
 * another base URL, recording what it was sent.
 */
final class GitHttpServer implements AutoCloseable {

    /** One request as received. */
    record Request(String method, String path, Optional<String> authorization) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private GitHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Serves the repositories under {@code root}; a request is served only when {@code authorized} accepts its Authorization header (null when none). */
    static GitHttpServer serving(Path root, Predicate<String> authorized) {
        GitHttpServer git = new GitHttpServer(create());
        git.server.createContext("/", exchange -> {
            String authorization = git.record(exchange);
            if (!authorized.test(authorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"gitops\"");
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            cgi(exchange, root, authorization);
        });
        git.server.start();
        return git;
    }

    /** Answers every request with a 302 to the same path under {@code target}. */
    static GitHttpServer redirectingTo(String target) {
        return redirectingTo(target, false);
    }

    /** As {@link #redirectingTo(String)}; when {@code afterCredentials}, only requests with an Authorization header, the others get a 401. */
    static GitHttpServer redirectingTo(String target, boolean afterCredentials) {
        GitHttpServer redirect = new GitHttpServer(create());
        redirect.server.createContext("/", exchange -> {
            if (redirect.record(exchange) == null && afterCredentials) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"gitops\"");
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().add("Location", target + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirect.server.start();
        return redirect;
    }

    private static HttpServer create() {
        try {
            return HttpServer.create(new InetSocketAddress(LoopbackServers.HOST, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String record(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Optional.ofNullable(authorization)));
        return authorization;
    }

    String base() {
        return "http://" + LoopbackServers.HOST + ":" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Runs git http-backend for one request and copies its CGI answer back. */
    private static void cgi(HttpExchange exchange, Path root, String authorization) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = builder.environment();
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("PATH_INFO", exchange.getRequestURI().getPath());
        env.put("QUERY_STRING", Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        env.put("CONTENT_LENGTH", Integer.toString(body.length));
        env.put("REMOTE_ADDR", LoopbackServers.HOST);
        if (authorization != null) {
            env.put("REMOTE_USER", "gitops");
        }
        header(exchange, "Content-Type").ifPresent(value -> env.put("CONTENT_TYPE", value));
        header(exchange, "Content-Encoding").ifPresent(value -> env.put("HTTP_CONTENT_ENCODING", value));
        header(exchange, "Git-Protocol").ifPresent(value -> env.put("GIT_PROTOCOL", value));
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(body);
        }
        byte[] answer;
        try (InputStream out = process.getInputStream()) {
            answer = out.readAllBytes();
        }
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int split = headerEnd(answer);
        int status = 200;
        for (String line : new String(answer, 0, split, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.substring(0, 3));
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(answer, split, answer.length - split);
        exchange.sendResponseHeaders(status, content.size() == 0 ? -1 : content.size());
        try (OutputStream response = exchange.getResponseBody()) {
            content.writeTo(response);
        }
        exchange.close();
    }

    private static Optional<String> header(HttpExchange exchange, String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /** Where the body starts: after the first empty line (CRLF or LF). */
    private static int headerEnd(byte[] answer) {
        for (int i = 0; i + 1 < answer.length; i++) {
            if (answer[i] == '\n' && answer[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 3 < answer.length && answer[i] == '\r' && answer[i + 1] == '\n' && answer[i + 2] == '\r' && answer[i + 3] == '\n') {
                return i + 4;
            }
        }
        return answer.length;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
