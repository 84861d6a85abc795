--liquibase formatted sql

--changeset prometric:hr-003-onboarding
--comment: the ERP's own record of an employee's onboarding checklist (issue 10): one row per item the
--comment: onboarding-checklist table chose, with who did it and when (engine history expires, this stays)
create table hr_onboarding_item
(
    id           uuid primary key,
    workspace_id uuid                     not null,
    employee_id  uuid                     not null references hr_employee (id),
    code         varchar(50)              not null,
    title        varchar(200)             not null,
    responsible  varchar(60)              not null,
    due_offset   integer                  not null,
    due_on       date                     not null,
    required     boolean                  not null,
    status       varchar(20)              not null,
    done_by      varchar(320),
    done_at      timestamp with time zone,
    note         varchar(2000),
    reminders    integer                  not null default 0,
    created_at   timestamp with time zone not null,
    version      bigint                   not null default 0,
    constraint uq_hr_onboarding_item unique (employee_id, code),
    constraint ck_hr_onboarding_item_status check (status in ('OPEN', 'DONE', 'SKIPPED', 'CANCELLED'))
);

create index ix_hr_onboarding_item_workspace on hr_onboarding_item (workspace_id);
