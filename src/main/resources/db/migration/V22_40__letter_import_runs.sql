-- A long import runs in the background; its progress and its result live here, not in one node's
-- memory, so that the status page answers the same from every node sharing the database.
CREATE TABLE letter_import_run (
    id              uuid PRIMARY KEY,
    volunteer_id    bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    campaign_id     bigint      NOT NULL,
    state           varchar(16) NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'REFUSED', 'FAILED')),
    rows_total      integer     NOT NULL,
    rows_checked    integer     NOT NULL DEFAULT 0,
    rows_written    integer     NOT NULL DEFAULT 0,
    imported        integer,
    already_present integer,
    encoding        varchar(120),
    more_problems   boolean     NOT NULL DEFAULT false,
    started_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX letter_import_run_started_idx ON letter_import_run (started_at);

-- The problems of a refused file, in the volunteer's language, in the order found.
CREATE TABLE letter_import_problem (
    run_id      uuid         NOT NULL REFERENCES letter_import_run (id) ON DELETE CASCADE,
    position    integer      NOT NULL,
    line        bigint       NOT NULL,
    column_name varchar(40)  NOT NULL,
    message     varchar(2000) NOT NULL,
    PRIMARY KEY (run_id, position)
);
