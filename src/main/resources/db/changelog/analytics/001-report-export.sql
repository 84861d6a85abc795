--liquibase formatted sql

--changeset prometric:analytics-001-report-export
--comment: report exports (CSV, XLSX) generated in the background: one row per job, claimed by a node with a lease
-- A job is QUEUED when asked for, RUNNING while a node holds its lease (lease_owner: a random token per claim,
-- lease_until: renewed with every progress update), then DONE (document_id: the stored file) or FAILED (error).
-- A RUNNING job whose lease ran out (its node died) is claimed again and restarted from the first row; attempts
-- counts the claims. notified_at: when the requester was told (report.ready / report.failed).
create table analytics_report_export (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    report       varchar(32)              not null,
    format       varchar(8)               not null,
    parameters   varchar(2000)            not null,
    state        varchar(16)              not null,
    progress     integer                  not null default 0,
    rows_written bigint                   not null default 0,
    total_rows   bigint,
    attempts     integer                  not null default 0,
    lease_owner  uuid,
    lease_until  timestamp with time zone,
    requested_by uuid                     not null references idn_user (id),
    created_at   timestamp with time zone not null,
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone,
    document_id  uuid,
    file_name    varchar(255),
    error        varchar(2000),
    notified_at  timestamp with time zone,
    constraint ck_analytics_report_export_state check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    constraint ck_analytics_report_export_format check (format in ('csv', 'xlsx')),
    constraint ck_analytics_report_export_progress check (progress between 0 and 100),
    constraint ck_analytics_report_export_done check (state <> 'DONE' or document_id is not null),
    constraint ck_analytics_report_export_lease check (state <> 'RUNNING' or (lease_owner is not null and lease_until is not null))
);
-- the workspace's list, newest first
create index ix_analytics_report_export_list on analytics_report_export (workspace_id, created_at, id);
-- what the workers claim (queued, or running with a lease that ran out) and the running jobs per workspace
create index ix_analytics_report_export_active on analytics_report_export (state, lease_until)
    where state in ('QUEUED', 'RUNNING');
-- finished jobs whose requester has not been told yet
create index ix_analytics_report_export_unnotified on analytics_report_export (finished_at)
    where state in ('DONE', 'FAILED') and notified_at is null;
