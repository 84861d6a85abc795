--liquibase formatted sql

--changeset prometric:identity-002-login-throttle-per-source
-- Throttling moves from "per e-mail address" (which let anyone lock an account) to "per source
-- address and account" plus a looser "per source" row (account = '*').
drop table idn_login_throttle;
create table idn_login_throttle (
    source          varchar(64)              not null,
    account         varchar(254)             not null,
    failures        integer                  not null,
    window_start    timestamp with time zone not null,
    last_failure_at timestamp with time zone not null,
    blocked_until   timestamp with time zone,
    primary key (source, account)
);
create index ix_idn_login_throttle_last_failure on idn_login_throttle (last_failure_at);
