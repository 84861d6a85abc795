--liquibase formatted sql

--changeset prometric:webhook-001-webhook
--comment: webhook subscriptions, the delivery outbox (one row per event and subscription) and every attempt
create table hook_subscription (
    id            uuid                     not null primary key,
    workspace_id  uuid                     not null references org_workspace (id),
    url           varchar(2000)            not null,
    event_kinds   text[]                   not null,
    secret        varchar(100)             not null,
    description   varchar(200),
    active        boolean                  not null,
    created_by    uuid                     not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint                   not null
);
create index ix_hook_subscription_workspace on hook_subscription (workspace_id, created_at, id);

create table hook_delivery (
    id                uuid                     not null primary key,
    workspace_id      uuid                     not null,
    subscription_id   uuid                     not null references hook_subscription (id) on delete cascade,
    event_id          uuid                     not null,
    event_kind        varchar(60)              not null,
    occurred_at       timestamp with time zone not null,
    body              text                     not null,
    status            varchar(20)              not null,
    attempts          integer                  not null,
    next_attempt_at   timestamp with time zone not null,
    expires_at        timestamp with time zone not null,
    locked_until      timestamp with time zone,
    lease_token       uuid,
    last_status_code  integer,
    last_error        varchar(500),
    delivered_at      timestamp with time zone,
    created_at        timestamp with time zone not null,
    constraint uq_hook_delivery_event unique (subscription_id, event_id),
    constraint ck_hook_delivery_status check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    constraint ck_hook_delivery_attempts check (attempts >= 0)
);
create index ix_hook_delivery_due on hook_delivery (next_attempt_at) where status = 'PENDING';
create index ix_hook_delivery_subscription on hook_delivery (subscription_id, created_at desc, id);

create table hook_delivery_attempt (
    id            uuid                     not null primary key,
    delivery_id   uuid                     not null references hook_delivery (id) on delete cascade,
    attempted_at  timestamp with time zone not null,
    status_code   integer,
    error         varchar(500),
    duration_ms   bigint                   not null,
    manual        boolean                  not null
);
create index ix_hook_delivery_attempt_delivery on hook_delivery_attempt (delivery_id, attempted_at, id);
