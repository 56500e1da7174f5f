-- Failed sign-ins per account and per address, shared by every node: repeated failures first slow
-- down further attempts, then lock them out for a while.
CREATE TABLE login_attempt (
    key          varchar(300) PRIMARY KEY,
    failures     integer NOT NULL DEFAULT 0,
    last_failure timestamptz NOT NULL DEFAULT now(),
    locked_until timestamptz
);
CREATE INDEX login_attempt_last_failure_idx ON login_attempt (last_failure);
