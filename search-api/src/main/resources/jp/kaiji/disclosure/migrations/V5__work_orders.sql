-- Beyond disclosure: per record and per action (correct, delete, stop use, stop provision) what
-- was asked and what staff decided; the work orders sent to each company's source owner and their
-- answers; and when Kaiji's own copies (stored result, package files) of a request were deleted.
CREATE TABLE action_decision (
  reference   VARCHAR(64) NOT NULL REFERENCES disclosure_request (reference),
  record_id   VARCHAR(600) NOT NULL,
  action      VARCHAR(20) NOT NULL,
  field       VARCHAR(200) NOT NULL,
  new_value   VARCHAR(1000) NOT NULL,
  decision    VARCHAR(10) NOT NULL,
  ground      VARCHAR(40) NOT NULL,
  reason      VARCHAR(1000) NOT NULL,
  decided_by  VARCHAR(200) NOT NULL,
  decided_at  VARCHAR(40) NOT NULL,
  PRIMARY KEY (reference, record_id, action, field)
);

CREATE TABLE work_order (
  order_id     VARCHAR(20) PRIMARY KEY,
  reference    VARCHAR(64) NOT NULL REFERENCES disclosure_request (reference),
  company      VARCHAR(100) NOT NULL,
  source       VARCHAR(100) NOT NULL,
  due_on       VARCHAR(10) NOT NULL,
  issued_at    VARCHAR(40) NOT NULL,
  issued_by    VARCHAR(200) NOT NULL,
  items        TEXT NOT NULL,
  status       VARCHAR(16) NOT NULL,
  owner_reason VARCHAR(1000) NOT NULL,
  answered_by  VARCHAR(200),
  answered_at  VARCHAR(40),
  checked_at   VARCHAR(40),
  differences  TEXT NOT NULL
);
CREATE INDEX work_order_reference ON work_order (reference);
CREATE INDEX work_order_company ON work_order (company, status, due_on);

CREATE TABLE copy_purge (
  reference  VARCHAR(64) NOT NULL REFERENCES disclosure_request (reference),
  seq        INTEGER NOT NULL,
  what       VARCHAR(40) NOT NULL,
  cause      VARCHAR(40) NOT NULL,
  at         VARCHAR(40) NOT NULL,
  PRIMARY KEY (reference, seq)
);
