--liquibase formatted sql

--changeset prometric:shared-003-create-number-sequence
-- gapless document numbers (INV-2026-000001): one counter row per workspace, series and year, locked and
-- advanced inside the transaction that issues the document, so a rollback gives the number back
-- (a database sequence would not)
create table shared_number_sequence (
    workspace_id uuid        not null references org_workspace (id),
    series       varchar(20) not null,
    year         integer     not null,
    next_value   bigint      not null,
    primary key (workspace_id, series, year),
    constraint ck_shared_number_sequence_series check (series ~ '^[A-Z][A-Z0-9]{0,19}$'),
    constraint ck_shared_number_sequence_year check (year between 1000 and 9999),
    constraint ck_shared_number_sequence_next_value check (next_value >= 1)
);
