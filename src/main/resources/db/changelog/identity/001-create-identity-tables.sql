--liquibase formatted sql

--changeset prometric:identity-001-create-identity-tables
create table idn_user (
    id                  uuid                     not null primary key,
    email               varchar(254)             not null,
    password_hash       varchar(100)             not null,
    first_name          varchar(100)             not null,
    last_name           varchar(100)             not null,
    status              varchar(20)              not null,
    registration_status varchar(20)              not null,
    email_verified      boolean                  not null default false,
    platform_admin      boolean                  not null default false,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint                   not null default 0,
    constraint uq_idn_user_email unique (email),
    constraint ck_idn_user_email_lower check (email = lower(email)),
    constraint ck_idn_user_status check (status in ('ACTIVE', 'BLOCKED')),
    constraint ck_idn_user_registration_status check (registration_status in ('PENDING', 'COMPLETED'))
);

create table idn_session (
    id            uuid                     not null primary key,
    user_id       uuid                     not null references idn_user (id),
    created_at    timestamp with time zone not null,
    revoked_at    timestamp with time zone,
    revoke_reason varchar(30)
);
create index ix_idn_session_user on idn_session (user_id);

create table idn_refresh_token (
    id         uuid                     not null primary key,
    session_id uuid                     not null references idn_session (id),
    token_hash varchar(64)                not null,
    issued_at  timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    constraint uq_idn_refresh_token_hash unique (token_hash)
);
create index ix_idn_refresh_token_session on idn_refresh_token (session_id);

create table idn_login_throttle (
    email        varchar(254)             not null primary key,
    failures     integer                  not null,
    window_start timestamp with time zone not null,
    locked_until timestamp with time zone
);
