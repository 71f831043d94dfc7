package jp.kaiji.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.kaiji.disclosure.CaseDatabases;
import jp.kaiji.schema.IndexSchema;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Looks into Kaiji's own copies of personal data on disk, independently of the server: every kept
 * index generation (each stored document, live or deleted), every search result stored on a
 * request, every package archive.
 */
final class ErasureProbe {
  private ErasureProbe() {}

  static List<Path> generationDirs(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("data/index"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("gen-")).sorted().toList();
    }
  }

  /** Whether any document stored in the generation, live or deleted, holds {@code text}. */
  static boolean holds(Path generation, String text) {
    try (FSDirectory d = FSDirectory.open(generation.resolve("index"));
        DirectoryReader reader = DirectoryReader.open(d)) {
      for (var leaf : reader.leaves()) {
        var stored = leaf.reader().storedFields();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          String original = stored.document(i).get(IndexSchema.ORIGINAL);
          if (original != null && original.contains(text)) {
            return true;
          }
        }
      }
      return false;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every search result stored on a request, read from the request database itself. */
  static List<String> storedResults(Path dir) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(CaseDatabases.sqliteUrl(dir.resolve("data")));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT result FROM search_snapshot")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The text of every file in every package archive left on disk. */
  static List<String> packages(Path dir) throws Exception {
    Path dirOf = dir.resolve("data/packages");
    if (!Files.isDirectory(dirOf)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dirOf)) {
      for (Path p : s.toList()) {
        for (Map.Entry<String, byte[]> e : DisclosureIT.unzip(Files.readAllBytes(p)).entrySet()) {
          out.add(new String(e.getValue(), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }
}
