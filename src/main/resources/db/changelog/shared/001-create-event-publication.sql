--liquibase formatted sql

--changeset prometric:shared-001-create-event-publication
-- Spring Modulith's log of event publications to transactional listeners (resubmitted after a crash).
create table event_publication (
    id               uuid                     not null primary key,
    listener_id      text                     not null,
    event_type       text                     not null,
    serialized_event text                     not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index ix_event_publication_serialized_event_hash on event_publication using hash (serialized_event);
create index ix_event_publication_completion_date on event_publication (completion_date);
