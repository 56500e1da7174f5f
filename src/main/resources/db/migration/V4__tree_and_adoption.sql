-- The letter tree, adoption by donors, donor accounts and the mail they receive.

-- The tree pages through published letters of a campaign, longest waiting first, or in a random
-- order ("shake the tree") that an index serves: each letter draws a number once.
ALTER TABLE letter ADD COLUMN shuffle integer NOT NULL DEFAULT floor(random() * 2147483647)::integer;
ALTER TABLE letter ADD COLUMN reminder_sent_at timestamptz;
CREATE INDEX letter_tree_idx ON letter (campaign_id, published_at, id) WHERE status = 'PUBLISHED';
CREATE INDEX letter_tree_shuffle_idx ON letter (campaign_id, shuffle) WHERE status = 'PUBLISHED';
CREATE INDEX letter_tree_wish_idx ON letter USING gin (az_fold(public_wish) gin_trgm_ops) WHERE status = 'PUBLISHED';
CREATE INDEX letter_donor_status_idx ON letter (donor_id, status) WHERE donor_id IS NOT NULL;

-- The language a person reads their mail in.
ALTER TABLE app_user ADD COLUMN language varchar(2) NOT NULL DEFAULT 'az' CHECK (language IN ('az', 'en', 'ru'));

-- One-time links sent by mail: confirming an address, resetting a password. Only a hash of the
-- token is stored, so a copy of the database holds no usable link.
CREATE TABLE account_token (
    token_hash varchar(64) PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    purpose    varchar(20) NOT NULL CHECK (purpose IN ('CONFIRM_EMAIL', 'RESET_PASSWORD')),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_token_user_idx ON account_token (user_id, purpose);

-- Mail leaves through this table: written in the same transaction as the change it reports, sent by
-- a job, retried while the mail server is away. Nothing is lost when SMTP is down.
CREATE TABLE mail_outbox (
    id              bigserial PRIMARY KEY,
    recipient       varchar(254) NOT NULL,
    subject         varchar(300) NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    last_error      varchar(500),
    sent_at         timestamptz
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX mail_outbox_recipient_idx ON mail_outbox (lower(recipient), created_at);

-- A donor's short message to the child, passed on with the gift once a volunteer approved it.
CREATE TABLE donor_message (
    id          bigserial PRIMARY KEY,
    letter_id   bigint NOT NULL REFERENCES letter (id) ON DELETE CASCADE,
    donor_id    bigint NOT NULL REFERENCES app_user (id),
    text        varchar(500) NOT NULL,
    status      varchar(10) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    reviewed_by bigint REFERENCES app_user (id),
    reviewed_at timestamptz
);
CREATE INDEX donor_message_letter_idx ON donor_message (letter_id, created_at);
