--liquibase formatted sql

--changeset prometric:crm-002-create-deal
create table crm_deal (
    id                  uuid                     not null primary key,
    workspace_id        uuid                     not null references org_workspace (id),
    customer_id         uuid                     not null references crm_customer (id),
    title               varchar(255)             not null,
    description         varchar(5000),
    value               numeric(19, 2)           not null,
    currency            varchar(3)               not null,
    stage               varchar(20)              not null,
    probability         integer                  not null,
    probability_manual  boolean                  not null default false,
    expected_close_date date,
    actual_close_date   date,
    won_at              timestamp with time zone,
    lost_at             timestamp with time zone,
    lost_reason         varchar(2000),
    assigned_to         uuid references org_employee (id),
    created_by          uuid                     not null references idn_user (id),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint                   not null default 0,
    constraint ck_crm_deal_stage check (stage in ('NEW', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST')),
    constraint ck_crm_deal_value check (value >= 0),
    constraint ck_crm_deal_probability check (probability between 0 and 100),
    constraint ck_crm_deal_lost_reason check (stage <> 'LOST' or lost_reason is not null)
);
-- the seed's indexes
create index idx_deals_workspace on crm_deal (workspace_id);
create index idx_deals_customer on crm_deal (customer_id);
create index idx_deals_stage on crm_deal (workspace_id, stage);
create index idx_deals_created on crm_deal (workspace_id, created_at);

create table crm_deal_product (
    deal_id          uuid           not null references crm_deal (id) on delete cascade,
    line_no          integer        not null,
    product_id       uuid,
    product_name     varchar(255)   not null,
    quantity         numeric(19, 3) not null,
    unit_price       numeric(19, 2) not null,
    discount_percent numeric(5, 2)  not null default 0,
    primary key (deal_id, line_no),
    constraint ck_crm_deal_product_quantity check (quantity > 0),
    constraint ck_crm_deal_product_price check (unit_price >= 0),
    constraint ck_crm_deal_product_discount check (discount_percent between 0 and 100)
);
