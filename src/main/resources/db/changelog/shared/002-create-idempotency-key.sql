--liquibase formatted sql

--changeset prometric:shared-002-create-idempotency-key
-- results of requests sent with an Idempotency-Key header, replayed when the same key comes again
create table shared_idempotency_key (
    workspace_id  uuid                     not null,
    idem_key      varchar(100)             not null,
    request_hash  varchar(64)              not null,
    response_json text,
    created_at    timestamp with time zone not null,
    primary key (workspace_id, idem_key)
);
