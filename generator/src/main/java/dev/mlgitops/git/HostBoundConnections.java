package dev.mlgitops.git;

import java.io.IOException;
import java.net.Proxy;
import java.net.URL;

import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * JGit's own HTTP connections, except that an {@code Authorization} header is only set on a
 * request to the repository's scheme, host and port. JGit keeps the method it authenticated with
 * across a redirect and would send it to wherever the server points; this drops it there.
 */
final class HostBoundConnections extends JDKHttpConnectionFactory {

    private static final String AUTHORIZATION = "Authorization";

    private final HostBoundCredentials credentials;

    HostBoundConnections(HostBoundCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return new Connection(url, null);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        return new Connection(url, proxy);
    }

    private boolean mayAuthorize(URL url) {
        return credentials.isFor(new URIish(url));
    }

    private final class Connection extends JDKHttpConnection {

        private final boolean authorized;

        Connection(URL url, Proxy proxy) throws IOException {
            super(url, proxy);
            this.authorized = mayAuthorize(url);
        }

        @Override
        public void setRequestProperty(String key, String value) {
            if (!authorized && AUTHORIZATION.equalsIgnoreCase(key)) {
                return;
            }
            super.setRequestProperty(key, value);
        }
    }
}
