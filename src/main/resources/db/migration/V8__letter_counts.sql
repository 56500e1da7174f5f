-- Counts of letters by campaign, region, status and days from adoption to the child, kept up to
-- date by triggers, so that reports and totals read a few thousand rows instead of every letter.
-- Writers never wait for each other: each statement appends its changes to letter_count_delta, and
-- a job folds them into letter_count now and then. A reader sums both and is always exact.

CREATE TABLE letter_count (
    campaign_id bigint NOT NULL,
    region_id   integer NOT NULL,
    status      varchar(16) NOT NULL,
    fulfil_days integer NOT NULL,          -- -1 when the letter is not fulfilled
    letters     bigint NOT NULL,
    PRIMARY KEY (campaign_id, region_id, status, fulfil_days)
);

CREATE TABLE letter_count_delta (
    id          bigserial PRIMARY KEY,
    campaign_id bigint NOT NULL,
    region_id   integer NOT NULL,
    status      varchar(16) NOT NULL,
    fulfil_days integer NOT NULL,
    letters     bigint NOT NULL
);
CREATE INDEX letter_count_delta_campaign_idx ON letter_count_delta (campaign_id);

CREATE FUNCTION letter_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO letter_count_delta (campaign_id, region_id, status, fulfil_days, letters)
    SELECT campaign_id, region_id, status, coalesce(fulfil_days, -1), count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4;
    RETURN NULL;
END $$;

CREATE FUNCTION letter_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO letter_count_delta (campaign_id, region_id, status, fulfil_days, letters)
    SELECT campaign_id, region_id, status, coalesce(fulfil_days, -1), -count(*)
    FROM old_rows GROUP BY 1, 2, 3, 4;
    RETURN NULL;
END $$;

CREATE FUNCTION letter_count_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO letter_count_delta (campaign_id, region_id, status, fulfil_days, letters)
    SELECT campaign_id, region_id, status, fulfil_days, sum(n)
    FROM (SELECT campaign_id, region_id, status, coalesce(fulfil_days, -1) AS fulfil_days, -1 AS n FROM old_rows
          UNION ALL
          SELECT campaign_id, region_id, status, coalesce(fulfil_days, -1), 1 FROM new_rows) changed
    GROUP BY 1, 2, 3, 4
    HAVING sum(n) <> 0;
    RETURN NULL;
END $$;

CREATE TRIGGER letter_count_insert AFTER INSERT ON letter
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION letter_count_inserted();
CREATE TRIGGER letter_count_delete AFTER DELETE ON letter
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION letter_count_deleted();
CREATE TRIGGER letter_count_update AFTER UPDATE ON letter
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION letter_count_updated();

INSERT INTO letter_count (campaign_id, region_id, status, fulfil_days, letters)
SELECT campaign_id, region_id, status, coalesce(fulfil_days, -1), count(*) FROM letter GROUP BY 1, 2, 3, 4;
