-- Disclosure requests (cases) and their status history. Portable SQL: H2 and PostgreSQL.
-- Times are ISO-8601 instants and dates are ISO dates, stored as text so that every database
-- returns them byte for byte as written (the package's timestamps come from here).
CREATE TABLE disclosure_request (
  reference    VARCHAR(64) PRIMARY KEY,
  status       VARCHAR(16) NOT NULL,
  received_on  VARCHAR(10) NOT NULL,
  due_on       VARCHAR(10) NOT NULL,
  form         TEXT NOT NULL,
  created_at   VARCHAR(40) NOT NULL,
  ready_at     VARCHAR(40)
);
CREATE INDEX disclosure_request_status ON disclosure_request (status, due_on);

CREATE TABLE request_status_history (
  reference  VARCHAR(64) NOT NULL REFERENCES disclosure_request (reference),
  seq        INTEGER NOT NULL,
  status     VARCHAR(16) NOT NULL,
  at         VARCHAR(40) NOT NULL,
  actor      VARCHAR(200) NOT NULL,
  note       VARCHAR(500) NOT NULL,
  PRIMARY KEY (reference, seq)
);
