--liquibase formatted sql

--changeset prometric:identity-004-password-reset
-- A request to reset a forgotten password by a link mailed to the account's address. Like the
-- confirmation links: the token is minted when the mail is sent, only its SHA-256 hash is kept,
-- it works once and expires (prometric.security.password-reset.token-validity).
create table idn_password_reset (
    id         uuid                     not null primary key,
    user_id    uuid                     not null references idn_user (id),
    email      varchar(254)             not null,
    token_hash varchar(64),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    constraint uq_idn_password_reset_token unique (token_hash)
);
create index ix_idn_password_reset_user on idn_password_reset (user_id, created_at);
