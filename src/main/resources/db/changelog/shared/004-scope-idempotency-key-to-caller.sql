--liquibase formatted sql

--changeset prometric:shared-004-scope-idempotency-key-to-caller
-- an Idempotency-Key belongs to the workspace and the caller who sent it: another caller's key is not found.
-- Stored answers of earlier versions cannot be attributed to a caller and are dropped (a key only guards retries).
delete from shared_idempotency_key;
alter table shared_idempotency_key drop constraint shared_idempotency_key_pkey;
alter table shared_idempotency_key add column caller_id uuid not null;
alter table shared_idempotency_key add primary key (workspace_id, caller_id, idem_key);
