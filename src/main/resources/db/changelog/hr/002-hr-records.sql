--liquibase formatted sql

--changeset prometric:hr-002-hr-records
--comment: HR records (issue 10): IIN, manager, contract, start date, probation, leaving; the status life cycle
--comment: PENDING, ONBOARDING, ACTIVE, LEAVING, LEFT replaces PENDING, ACTIVE, SUSPENDED, TERMINATED
alter table hr_employee
    add column iin               varchar(12),
    add column manager_id        uuid references hr_employee (id),
    add column contract_type     varchar(20) not null default 'PERMANENT',
    add column start_date        date,
    add column end_date          date,
    add column probation_months  integer not null default 0,
    add column probation_ends_on date,
    add column probation_outcome varchar(20),
    add column last_day          date,
    add column leaving_reason    varchar(500),
    add column activated_at      timestamp with time zone,
    add column left_at           timestamp with time zone;

alter table hr_employee drop constraint ck_org_employee_status;
alter table hr_employee rename constraint ck_org_employee_role to ck_hr_employee_role;
-- a suspension is no longer a status: a suspended employee is still employed; a terminated one has left
update hr_employee set status = 'ACTIVE', activated_at = updated_at where status in ('ACTIVE', 'SUSPENDED');
update hr_employee set status = 'LEFT', left_at = updated_at where status = 'TERMINATED';
update hr_employee set start_date = cast(created_at at time zone 'Asia/Almaty' as date) where start_date is null;

alter table hr_employee
    add constraint ck_hr_employee_status
        check (status in ('PENDING', 'ONBOARDING', 'ACTIVE', 'LEAVING', 'LEFT')),
    add constraint ck_hr_employee_contract check (contract_type in ('PERMANENT', 'FIXED_TERM', 'CONTRACTOR')),
    add constraint ck_hr_employee_probation check (probation_months between 0 and 12),
    add constraint ck_hr_employee_outcome check (probation_outcome in ('CONFIRMED', 'EXTENDED', 'ENDED')),
    add constraint ck_hr_employee_end_date check (end_date is null or start_date is null or end_date > start_date),
    -- only a fixed-term contract has an end date; a contractor's civil-law contract has no probation
    add constraint ck_hr_employee_fixed_term check ((contract_type = 'FIXED_TERM') = (end_date is not null)),
    add constraint ck_hr_employee_contractor_probation check (contract_type <> 'CONTRACTOR' or probation_months = 0),
    add constraint ck_hr_employee_not_own_manager check (manager_id is null or manager_id <> id),
    add constraint uq_hr_employee_iin unique (organization_id, iin);

create index ix_hr_employee_manager on hr_employee (manager_id);
