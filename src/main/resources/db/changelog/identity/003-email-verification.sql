--liquibase formatted sql

--changeset prometric:identity-003-email-verification
-- A request to confirm that a user owns an e-mail address. The token is minted when the mail is
-- sent and only its SHA-256 hash is kept. A request made by a second registration of an
-- unconfirmed address carries that registration's password hash and names: confirming it hands
-- the account to whoever owns the mailbox.
create table idn_email_verification (
    id            uuid                     not null primary key,
    user_id       uuid                     not null references idn_user (id),
    email         varchar(254)             not null,
    token_hash    varchar(64),
    password_hash varchar(100),
    first_name    varchar(100),
    last_name     varchar(100),
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    used_at       timestamp with time zone,
    constraint uq_idn_email_verification_token unique (token_hash)
);
create index ix_idn_email_verification_user on idn_email_verification (user_id, created_at);
