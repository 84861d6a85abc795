--liquibase formatted sql

--changeset prometric:workflow-002-process-deployment-record
-- The ERP's own record of every deployment into a workspace (its own versions of processes, decision tables
-- and forms, and the way back to the shared default): who, when, through which door, and what changed against
-- what the workspace used before (per definition key; rows of decision tables, activities of processes, fields
-- of forms, as jsonb). Written in the transaction of the deployment; kept when the engine's deployment is
-- deleted (docs/processes.md, "Versions, history and going back to the default").
create table wf_deployment_record (
    id                uuid                     not null primary key,
    workspace_id      uuid                     not null,
    deployment_id     varchar(64)              not null,
    deployment_name   varchar(255),
    deployment_source varchar(255),
    channel           varchar(16)              not null,
    by_user_id        uuid references idn_user (id),
    by_email          varchar(320),
    deployed_at       timestamp with time zone not null,
    changes           jsonb                    not null,
    constraint uk_wf_deployment_record unique (workspace_id, deployment_id),
    constraint ck_wf_deployment_record_channel check (channel in ('ERP_API', 'ENGINE_REST', 'RESET', 'ENGINE'))
);
create index idx_wf_deployment_record_list on wf_deployment_record (workspace_id, deployed_at, id);
