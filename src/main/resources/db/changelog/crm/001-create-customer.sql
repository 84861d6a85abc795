--liquibase formatted sql

--changeset prometric:crm-001-create-customer
create table crm_customer (
    id             uuid                     not null primary key,
    workspace_id   uuid                     not null references org_workspace (id),
    type           varchar(20)              not null,
    name           varchar(255)             not null,
    email          varchar(254),
    phone          varchar(50),
    contact_person varchar(255),
    address        varchar(1000),
    tax_id         varchar(12),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint                   not null default 0,
    constraint ck_crm_customer_type check (type in ('INDIVIDUAL', 'COMPANY')),
    constraint ck_crm_customer_tax_id_digits check (tax_id ~ '^[0-9]{12}$')
);
-- a BIN/IIN names one customer per workspace; customers without one are not constrained
create unique index uq_crm_customer_tax_id on crm_customer (workspace_id, tax_id) where tax_id is not null;
create index ix_crm_customer_workspace on crm_customer (workspace_id);
create index ix_crm_customer_name on crm_customer (workspace_id, lower(name));
