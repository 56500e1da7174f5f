-- Sign-in with the national digital identity (ASAN Login / SİMA, OpenID Connect): which person at which
-- provider is which account here. Owned by the account module (account.AccountIdentities). A person is
-- the provider's (issuer, subject) pair, never an e-mail address, which a provider may let people change.
CREATE TABLE account_identity (
    issuer    varchar(500) NOT NULL,
    subject   varchar(255) NOT NULL,
    user_id   bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    linked_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX account_identity_user_idx ON account_identity (user_id);

-- The mailed link with which someone proves they own the account their identity's address names.
ALTER TABLE account_token DROP CONSTRAINT account_token_purpose_check;
ALTER TABLE account_token ADD CONSTRAINT account_token_purpose_check
    CHECK (purpose IN ('CONFIRM_EMAIL', 'RESET_PASSWORD', 'INVITE', 'LINK_IDENTITY'));
