-- Companies that adopt together (issue 27.2), owned by the account module. An organisation invites
-- its employees by e-mail: the link's token is kept only as its SHA-256 (and the reference that stands
-- for it in the stored mail), works once and expires. A person who joined belongs to one team.
CREATE TABLE organisation_invitation (
    id              bigserial PRIMARY KEY,
    organisation_id bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    email           varchar(254) NOT NULL,
    token_hash      varchar(64)  NOT NULL UNIQUE,
    link_ref        varchar(32)  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    used_at         timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX organisation_invitation_organisation_idx ON organisation_invitation (organisation_id, created_at);

CREATE TABLE organisation_member (
    member_id       bigint      PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    organisation_id bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    joined_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (member_id <> organisation_id)
);
CREATE INDEX organisation_member_organisation_idx ON organisation_member (organisation_id);
