--liquibase formatted sql

--changeset prometric:notification-001-inbox
-- The in-app inbox (docs/notifications.md): one row per recipient and source. The source key names the event that
-- caused it (deal.won:<deal id>, task.assigned:<task id>:<user id>, ...), so a resubmitted event never notifies twice.
-- seq orders a user's notifications and is the Server-Sent Events id a reconnecting client sends back.
create table ntf_notification (
    id           uuid         not null primary key,
    seq          bigserial    not null unique,
    recipient_id uuid         not null,
    workspace_id uuid         not null,
    kind         varchar(64)  not null,
    title        varchar(300) not null,
    body         varchar(2000) not null,
    link         varchar(500),
    source_key   varchar(200) not null,
    created_at   timestamptz  not null,
    read_at      timestamptz,
    constraint uq_ntf_notification_source unique (recipient_id, source_key)
);
-- the inbox page (newest first), the unread count and the replay after a reconnect
create index ix_ntf_notification_recipient_seq on ntf_notification (recipient_id, seq);
create index ix_ntf_notification_unread on ntf_notification (recipient_id, workspace_id) where read_at is null;

-- What a user wants per kind: IN_APP, EMAIL, BOTH or NONE; a kind without a row has its default.
create table ntf_preference (
    user_id uuid        not null,
    kind    varchar(64) not null,
    channel varchar(10) not null,
    primary key (user_id, kind),
    constraint ck_ntf_preference_channel check (channel in ('IN_APP', 'EMAIL', 'BOTH', 'NONE'))
);

-- E-mails sent for a notification: a resubmitted event finds its mail here and does not send it again.
create table ntf_email (
    recipient_id uuid         not null,
    source_key   varchar(200) not null,
    sent_at      timestamptz  not null,
    primary key (recipient_id, source_key)
);

-- Stream tokens (POST /api/notifications/stream-token): the SHA-256 of a random secret, valid 60 seconds, used once.
-- session_id is the ERP session the token was minted in: the stream ends with it.
create table ntf_stream_token (
    token_hash varchar(64) not null primary key,
    user_id    uuid        not null,
    session_id uuid        not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index ix_ntf_stream_token_expiry on ntf_stream_token (expires_at);
