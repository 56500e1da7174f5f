-- What the volunteers' working day needs: Azerbaijani-aware search, uploads kept across a form that
-- had errors, and the indexes behind the "forgotten letters" lists.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Folds a text for searching the way people type Azerbaijani: case by the Azerbaijani rules
-- (İ→i, I→ı) and then the letters a Latin keyboard lacks to their plain look-alikes, so that
-- "ismayilli", "ismayıllı" and "İSMAYILLI" all find "İsmayıllı".
CREATE FUNCTION az_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN translate(lower($1 COLLATE "az-x-icu"), 'əışçğöü', 'eiscgou');

CREATE INDEX child_name_search_idx ON child
    USING gin (az_fold(first_name || ' ' || coalesce(surname, '')) gin_trgm_ops);

-- The same child (name, birth date, region) twice in one campaign is a possible duplicate.
CREATE INDEX child_identity_fold_idx ON child (region_id, birth_date, az_fold(first_name), az_fold(coalesce(surname, '')));

-- Forgotten letters: long on the tree, holds past due, gifts in but not handed over.
CREATE INDEX letter_published_at_idx ON letter (published_at) WHERE status = 'PUBLISHED';
CREATE INDEX letter_gift_received_at_idx ON letter (gift_received_at) WHERE status = 'GIFT_RECEIVED';

-- An image a volunteer uploaded with a form that came back with errors: kept (already re-encoded)
-- so that nothing has to be chosen again, and dropped after a day.
CREATE TABLE pending_upload (
    token       varchar(40) PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    file_name   varchar(200) NOT NULL,
    bytes       bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pending_upload_created_idx ON pending_upload (created_at);
