--liquibase formatted sql

--changeset prometric:production-002-create-purchasing
-- minimal purchasing: suppliers with prices per product, purchase requisitions (PR-…)
-- approved in the purchase-requisition process, purchase orders (PO-…) and their receipt
create table prod_supplier (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    name         varchar(255)             not null,
    bin          varchar(12),
    email        varchar(254),
    phone        varchar(50),
    active       boolean                  not null default true,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint                   not null default 0
);
create unique index uq_prod_supplier_bin on prod_supplier (workspace_id, bin) where bin is not null;
create index idx_prod_supplier_workspace on prod_supplier (workspace_id, name);

create table prod_supplier_price (
    id             uuid                     not null primary key,
    workspace_id   uuid                     not null references org_workspace (id),
    supplier_id    uuid                     not null references prod_supplier (id) on delete cascade,
    product_id     uuid                     not null references cat_product (id),
    unit_price     numeric(19, 2)           not null,
    lead_time_days integer                  not null default 0,
    updated_at     timestamp with time zone not null,
    version        bigint                   not null default 0,
    constraint uq_prod_supplier_price unique (supplier_id, product_id),
    constraint ck_prod_supplier_price_unit_price check (unit_price >= 0),
    constraint ck_prod_supplier_price_lead_time check (lead_time_days >= 0 and lead_time_days <= 3650)
);
create index idx_prod_supplier_price_product on prod_supplier_price (workspace_id, product_id);

create table prod_purchase_requisition (
    id                   uuid                     not null primary key,
    workspace_id         uuid                     not null references org_workspace (id),
    number               varchar(30)              not null,
    product_id           uuid                     not null references cat_product (id),
    product_code         varchar(100)             not null,
    product_name         varchar(255)             not null,
    material_category    varchar(30)              not null,
    quantity             numeric(19, 3)           not null,
    warehouse_id         uuid references inv_warehouse (id),
    estimated_unit_price numeric(19, 2)           not null,
    amount               numeric(19, 2)           not null,
    price_source         varchar(20)              not null,
    supplier_id          uuid references prod_supplier (id),
    source_type          varchar(20)              not null,
    production_order_id  uuid,
    requirement_id       uuid,
    sales_order_id       uuid,
    sales_order_line_id  uuid,
    requested_by         uuid references idn_user (id),
    requester_role       varchar(10)              not null,
    approver_level       varchar(10),
    status               varchar(20)              not null,
    decided_by           varchar(254),
    decided_at           timestamp with time zone,
    decision_comment     varchar(2000),
    rejection_reason     varchar(2000),
    purchase_order_id    uuid,
    process_instance_id  varchar(64),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint                   not null default 0,
    constraint uq_prod_purchase_requisition_number unique (workspace_id, number),
    constraint ck_prod_purchase_requisition_quantity check (quantity > 0),
    constraint ck_prod_purchase_requisition_amount check (estimated_unit_price >= 0 and amount >= 0),
    constraint ck_prod_purchase_requisition_status check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'ORDERED',
                                                                     'RECEIVED', 'CANCELLED')),
    constraint ck_prod_purchase_requisition_source check (
        (source_type = 'PRODUCTION_ORDER' and production_order_id is not null and requirement_id is not null)
        or (source_type = 'SALES_ORDER' and sales_order_id is not null and sales_order_line_id is not null)),
    constraint ck_prod_purchase_requisition_role check (requester_role in ('OWNER', 'ADMIN', 'MANAGER', 'MEMBER',
                                                                           'SYSTEM')),
    constraint ck_prod_purchase_requisition_level check (approver_level is null
                                                         or approver_level in ('AUTO', 'MANAGER', 'OWNER'))
);
-- one open requisition per production requirement and per sales order line: a retried or
-- concurrent request answers the open one instead of raising a second
create unique index uq_prod_purchase_requisition_open_requirement on prod_purchase_requisition (workspace_id, requirement_id)
    where requirement_id is not null and status in ('REQUESTED', 'APPROVED', 'ORDERED');
create unique index uq_prod_purchase_requisition_open_order_line on prod_purchase_requisition (workspace_id, sales_order_line_id)
    where sales_order_line_id is not null and status in ('REQUESTED', 'APPROVED', 'ORDERED');
create index idx_prod_purchase_requisition_status on prod_purchase_requisition (workspace_id, status, created_at);

create table prod_purchase_order (
    id               uuid                     not null primary key,
    workspace_id     uuid                     not null references org_workspace (id),
    number           varchar(30)              not null,
    requisition_id   uuid                     not null references prod_purchase_requisition (id),
    supplier_id      uuid                     not null references prod_supplier (id),
    supplier_name    varchar(255)             not null,
    product_id       uuid                     not null references cat_product (id),
    product_code     varchar(100)             not null,
    product_name     varchar(255)             not null,
    quantity         numeric(19, 3)           not null,
    unit_price       numeric(19, 2)           not null,
    amount           numeric(19, 2)           not null,
    warehouse_id     uuid                     not null references inv_warehouse (id),
    status           varchar(20)              not null,
    ordered_at       timestamp with time zone not null,
    expected_at      timestamp with time zone,
    delivery_note    varchar(255),
    received_by      varchar(254),
    reported_at      timestamp with time zone,
    received_at      timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint                   not null default 0,
    constraint uq_prod_purchase_order_number unique (workspace_id, number),
    -- one purchase order per requisition: placing it again (a retried job) finds it
    constraint uq_prod_purchase_order_requisition unique (requisition_id),
    constraint ck_prod_purchase_order_quantity check (quantity > 0),
    constraint ck_prod_purchase_order_amount check (unit_price >= 0 and amount >= 0),
    constraint ck_prod_purchase_order_status check (status in ('ORDERED', 'RECEIVED', 'CANCELLED'))
);
create index idx_prod_purchase_order_status on prod_purchase_order (workspace_id, status, created_at);
