-- Every package written for a request: where, its SHA-256, and from which index generation.
CREATE TABLE package_export (
  reference    VARCHAR(64) NOT NULL REFERENCES disclosure_request (reference),
  seq          INTEGER NOT NULL,
  file         VARCHAR(1000) NOT NULL,
  sha256       VARCHAR(64) NOT NULL,
  bytes        BIGINT NOT NULL,
  generation   VARCHAR(100) NOT NULL,
  exported_at  VARCHAR(40) NOT NULL,
  actor        VARCHAR(200) NOT NULL,
  PRIMARY KEY (reference, seq)
);
