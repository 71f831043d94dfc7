package jp.kaiji.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP clients of the search bench, run in a JVM of their own so that their CPU (request
 * building, HTTP, reading the answers) is not the server's: {@code HttpLoad uri token bodies.jsonl
 * rounds clients out.txt [warm-up rounds]}. Writes the wall time, its own CPU (milliseconds), the
 * status counts and one latency per timed request (nanoseconds) to {@code out.txt}, all of the
 * timed rounds. With warm-up rounds, it runs them first, untimed, in this same JVM (so that its own
 * JIT is done too), prints {@code warm} and waits for a line on standard input before the timed
 * rounds.
 */
final class HttpLoad {
  private HttpLoad() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    String token = args[1];
    List<String> bodies = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
    int rounds = Integer.parseInt(args[3]);
    int clients = Integer.parseInt(args[4]);
    int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 0;
    if (warmup > 0) {
      drive(uri, token, bodies, warmup, clients, null, new ConcurrentHashMap<>());
      System.out.println("warm");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
    long[] samples = new long[rounds * bodies.size()];
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    long cpu0 = RebuildBench.processCpuMillis();
    drive(uri, token, bodies, rounds, clients, samples, statuses);
    long wall = System.nanoTime() - t0;
    long cpu = RebuildBench.processCpuMillis() - cpu0;
    try (PrintWriter out =
        new PrintWriter(Files.newBufferedWriter(Path.of(args[5]), StandardCharsets.UTF_8))) {
      out.println("wall " + wall);
      out.println("cpu " + cpu);
      statuses.forEach((status, n) -> out.println("status " + status + " " + n.get()));
      for (long s : samples) {
        out.println(s);
      }
    }
  }

  static void drive(
      URI uri,
      String token,
      List<String> bodies,
      int rounds,
      int clients,
      long[] samples,
      Map<Integer, AtomicLong> statuses)
      throws InterruptedException {
    int total = rounds * bodies.size();
    // Encoded once: the clients' CPU per search is measured, and it should be the HTTP exchange's.
    List<byte[]> encoded = bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList();
    AtomicInteger next = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread t =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                  byte[] body = encoded.get(i % encoded.size());
                  long s = System.nanoTime();
                  int status;
                  try {
                    status = post(uri, token, body);
                  } catch (IOException e) {
                    status = -1;
                  }
                  statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                  if (samples != null) {
                    samples[i] = System.nanoTime() - s;
                  }
                }
              },
              "kaiji-bench-client-" + c);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  /**
   * One POST over {@code HttpURLConnection}, whose kept-alive connections the JDK pools per host:
   * lighter on CPU than {@code java.net.http.HttpClient}, whose asynchronous machinery used about
   * 1.8 ms of the shared cores per search. Reads the whole answer so that the connection can be
   * reused.
   */
  private static int post(URI uri, String token, byte[] body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setFixedLengthStreamingMode(body.length);
    c.setRequestProperty("Content-Type", "application/json");
    c.setRequestProperty("Authorization", "Bearer " + token);
    try (OutputStream out = c.getOutputStream()) {
      out.write(body);
    }
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      if (in != null) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    return status;
  }
}
