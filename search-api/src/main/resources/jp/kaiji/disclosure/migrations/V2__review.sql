-- What the search linked to a request returned, and the reviewer's work on it.
CREATE TABLE search_snapshot (
  reference    VARCHAR(64) PRIMARY KEY REFERENCES disclosure_request (reference),
  generation   VARCHAR(100) NOT NULL,
  searched_at  VARCHAR(40) NOT NULL,
  actor        VARCHAR(200) NOT NULL,
  result       TEXT NOT NULL
);

CREATE TABLE record_decision (
  reference   VARCHAR(64) NOT NULL REFERENCES disclosure_request (reference),
  record_id   VARCHAR(600) NOT NULL,
  decision    VARCHAR(10) NOT NULL,
  reason      VARCHAR(1000) NOT NULL,
  decided_by  VARCHAR(200) NOT NULL,
  decided_at  VARCHAR(40) NOT NULL,
  PRIMARY KEY (reference, record_id)
);

CREATE TABLE redaction (
  reference   VARCHAR(64) NOT NULL REFERENCES disclosure_request (reference),
  seq         INTEGER NOT NULL,
  record_id   VARCHAR(600) NOT NULL,
  field       VARCHAR(200) NOT NULL,
  span_start  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  reason      VARCHAR(1000) NOT NULL,
  redacted_by VARCHAR(200) NOT NULL,
  redacted_at VARCHAR(40) NOT NULL,
  PRIMARY KEY (reference, seq)
);
