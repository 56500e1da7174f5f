-- What the agency staff need: an audit of changes to people, invitations for new volunteers, the
-- record of the retention job, and what makes the regional report fast at a million letters.

-- Who changed whose role, regions, lock or organisation flag, and when.
CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    actor_id   bigint REFERENCES app_user (id),
    at         timestamptz NOT NULL DEFAULT now(),
    action     varchar(40) NOT NULL,
    target_id  bigint REFERENCES app_user (id),
    detail     varchar(1000)
);
CREATE INDEX audit_log_target_idx ON audit_log (target_id, at DESC);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

-- A volunteer created by staff sets their own password through an invitation link.
ALTER TABLE account_token DROP CONSTRAINT account_token_purpose_check;
ALTER TABLE account_token ADD CONSTRAINT account_token_purpose_check
    CHECK (purpose IN ('CONFIRM_EMAIL', 'RESET_PASSWORD', 'INVITE'));

-- When each job last ran and what it did, for the staff to see.
CREATE TABLE job_run (
    name        varchar(64) PRIMARY KEY,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    detail      varchar(500)
);

-- Days from adoption to the child holding the gift, kept with the letter so that the regional
-- report's median reads it instead of computing it for every fulfilled letter.
ALTER TABLE letter ADD COLUMN fulfil_days integer
    GENERATED ALWAYS AS (fulfilled_on - CAST(adopted_at AT TIME ZONE 'Asia/Baku' AS date)) STORED;

-- The regional report groups every letter of the chosen campaigns by region and status: an index
-- that holds all it reads lets PostgreSQL answer from the index alone.
CREATE INDEX letter_report_idx ON letter (campaign_id, region_id, status)
    INCLUDE (fulfil_days, due_date, created_at);

-- Possible duplicates: the same child twice in one campaign.
CREATE INDEX letter_campaign_child_idx ON letter (campaign_id, child_id);
