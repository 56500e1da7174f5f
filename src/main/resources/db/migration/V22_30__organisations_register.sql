-- Organisations register themselves (issue 22): the account's full_name is the organisation's name
-- (shown wherever a donor's name is), the person who acts for it is its contact, VÖEN its tax number.
-- Staff confirm or refuse it; until confirmed it cannot adopt. Organisations flagged by staff before
-- (review NULL) stay as they were.
ALTER TABLE app_user
    ADD COLUMN contact_name        varchar(200),
    ADD COLUMN voen                varchar(10),
    ADD COLUMN organisation_review varchar(12),
    ADD CONSTRAINT app_user_voen_format CHECK (voen IS NULL OR voen ~ '^[0-9]{10}$'),
    ADD CONSTRAINT app_user_organisation_review
        CHECK (organisation_review IS NULL OR organisation_review IN ('PENDING', 'CONFIRMED', 'REFUSED'));

-- staff's list of organisations awaiting confirmation
CREATE INDEX app_user_organisations_awaiting_idx ON app_user (created_at) WHERE organisation_review = 'PENDING';
-- the same VÖEN on another account, shown beside each organisation awaiting confirmation
CREATE INDEX app_user_voen_idx ON app_user (voen) WHERE voen IS NOT NULL;
