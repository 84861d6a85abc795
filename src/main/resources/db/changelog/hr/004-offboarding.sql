--liquibase formatted sql

--changeset prometric:hr-004-offboarding
--comment: the ERP's own record of each offboarding task (employee-offboarding): who did it, when, what was confirmed
create table hr_offboarding_task (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    employee_id  uuid                     not null references hr_employee (id),
    step         varchar(40)              not null,
    confirmed    boolean                  not null,
    amount       numeric(19, 2),
    note         varchar(1000),
    done_by      varchar(254),
    done_at      timestamp with time zone not null,
    version      bigint                   not null default 0,
    constraint uq_hr_offboarding_task unique (employee_id, step),
    constraint ck_hr_offboarding_task_step
        check (step in ('RETURN_EQUIPMENT', 'FINAL_SETTLEMENT', 'SIGN_LEAVING_DOCUMENTS')),
    constraint ck_hr_offboarding_task_amount check (amount is null or amount >= 0)
);
create index ix_hr_offboarding_task_workspace on hr_offboarding_task (workspace_id);
