-- The head of the audit log's hash chain (sequence number and hash of its newest entry), written
-- in the same transaction as every change of a request: a log shortened or emptied behind it is
-- detected at start and by verify-audit. One row (id 1).
CREATE TABLE audit_anchor (
  id    INTEGER PRIMARY KEY,
  seq   BIGINT NOT NULL,
  hash  VARCHAR(64) NOT NULL
);
