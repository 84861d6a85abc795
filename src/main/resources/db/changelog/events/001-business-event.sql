--liquibase formatted sql

--changeset prometric:events-001-business-event
--comment: every business event of the catalogue (docs/events.md) once, by its stable id
create table evt_business_event (
    id            uuid                     not null primary key,
    kind          varchar(60)              not null,
    workspace_id  uuid                     not null references org_workspace (id),
    occurred_at   timestamp with time zone not null,
    subject_type  varchar(40)              not null,
    subject_id    uuid                     not null,
    payload       jsonb                    not null,
    recorded_at   timestamp with time zone not null
);
create index ix_evt_business_event_workspace on evt_business_event (workspace_id, occurred_at desc, id);
create index ix_evt_business_event_subject on evt_business_event (workspace_id, subject_type, subject_id);
