package dev.primer.tf.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1, on an ephemeral port, for download tests. Each path is given a
 * behaviour; anything else is a 404. Stops on {@link #close()}, and by itself after 60 s whatever
 * happens, so that a hung test cannot leave it running; a stalled response waits at most 10 s.
 */
final class LoopbackServer implements AutoCloseable {
  private static final long LIFETIME_MS = 60_000;

  /** What the server does for one path. */
  @FunctionalInterface
  interface Behaviour {
    void respond(HttpExchange exchange, LoopbackServer server) throws IOException;
  }

  private final HttpServer server;
  private final URI base;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "loopback-server");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Behaviour> routes = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);
  private final Timer deadline = new Timer("loopback-server-deadline", true);

  LoopbackServer(String basePath) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        Behaviour behaviour = path.startsWith(basePath) ? routes.get(path.substring(basePath.length())) : null;
        if (behaviour == null) {
          exchange.sendResponseHeaders(404, -1);
        } else {
          behaviour.respond(exchange, this);
        }
      } catch (IOException e) {
        // The client went away, or a behaviour cut the response short on purpose.
      }
    });
    server.setExecutor(threads);
    server.start();
    deadline.schedule(new TimerTask() {
      @Override
      public void run() {
        close();
      }
    }, LIFETIME_MS);
    this.base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + basePath);
  }

  /** The base URL, ending in "/". */
  URI base() {
    return base;
  }

  LoopbackServer route(String name, Behaviour behaviour) {
    routes.put(name, behaviour);
    return this;
  }

  int requests() {
    return requests.get();
  }

  /** Sends {@code body} with its length. */
  static Behaviour serve(byte[] body) {
    return (exchange, server) -> {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    };
  }

  /** Announces {@code announced} bytes, sends the first {@code sent} bytes of {@code body}, and closes. */
  static Behaviour cutShort(byte[] body, long announced, int sent) {
    return (exchange, server) -> {
      exchange.sendResponseHeaders(200, announced);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, sent);
      out.flush();
    };
  }

  /** Sends {@code body} chunked, without a Content-Length. */
  static Behaviour chunked(byte[] body) {
    return (exchange, server) -> {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(body);
    };
  }

  /** Sends the first {@code sent} bytes of {@code body}, then nothing until the server closes. */
  static Behaviour stall(byte[] body, int sent) {
    return (exchange, server) -> {
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, sent);
      out.flush();
      try {
        server.released.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** Responds with {@code status} and no body. */
  static Behaviour status(int status) {
    return (exchange, server) -> exchange.sendResponseHeaders(status, -1);
  }

  @Override
  public void close() {
    released.countDown();
    deadline.cancel();
    server.stop(0);
    threads.shutdownNow();
  }
}
