package jp.kaiji.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Re-reads one source into the serving index (the {@code sync} path) and answers the records it now
 * holds under the given keys, as the source holds them; empty for a key no longer there. The server
 * implements it over the indexer; the verification of work orders uses it.
 */
@FunctionalInterface
public interface SourceCheck {
  Map<String, Optional<JsonNode>> reread(String source, Collection<String> keys) throws IOException;
}
