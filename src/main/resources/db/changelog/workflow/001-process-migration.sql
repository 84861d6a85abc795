--liquibase formatted sql

--changeset prometric:workflow-001-process-migration
--comment: the audit of running process instances moved to another version by a workspace's process owner
create table wf_process_migration (
    id                     uuid                     not null primary key,
    workspace_id           uuid                     not null references org_workspace (id),
    process_key            varchar(255)             not null,
    source_definition_ids  jsonb                    not null,
    target_definition_id   varchar(64)              not null,
    actor_user_id          uuid                     not null,
    mode                   varchar(20)              not null,
    state                  varchar(20)              not null,
    started_at             timestamp with time zone not null,
    finished_at            timestamp with time zone,
    total                  integer                  not null,
    migrated               integer                  not null,
    failed                 integer                  not null,
    batch_ids              jsonb                    not null,
    report                 jsonb                    not null,
    constraint ck_wf_process_migration_mode check (mode in ('SYNCHRONOUS', 'BATCH')),
    constraint ck_wf_process_migration_state check (state in ('COMPLETED', 'REFUSED', 'RUNNING', 'INCOMPLETE')),
    constraint ck_wf_process_migration_counts check (total >= 0 and migrated >= 0 and failed >= 0)
);
create index ix_wf_process_migration_workspace on wf_process_migration (workspace_id, started_at desc, id);
create index ix_wf_process_migration_open on wf_process_migration (workspace_id, process_key) where state in ('RUNNING', 'INCOMPLETE');
