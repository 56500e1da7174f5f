-- Pen test 2, item 5: a stored mail holds a reference where a one-time link's token goes; the token is
-- an HMAC of it under a key outside the database (system.OneTimeLinks). The reference is kept with the
-- token's hash, so that using a link removes it from the stored mails too.
ALTER TABLE account_token ADD COLUMN link_ref varchar(32);

-- The fingerprint of that key, so that every node on this database uses the same one.
CREATE TABLE link_secret_fingerprint (
    id          smallint PRIMARY KEY CHECK (id = 1),
    fingerprint varchar(64) NOT NULL
);

-- Links stored in plain text so far lose their tokens (the tokens in account_token stay valid for
-- whoever has the mail itself).
UPDATE mail_outbox SET body = regexp_replace(body, 'token=[A-Za-z0-9_-]+', 'token=-', 'g')
WHERE body ~ 'token=[A-Za-z0-9_-]+';
