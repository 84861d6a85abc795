--liquibase formatted sql

--changeset prometric:production-001-create-production
-- a place where work is done: operators at a MANUAL one (Tasklist), a machine or MES at an EXTERNAL one
create table prod_work_center (
    id                      uuid                     not null primary key,
    workspace_id            uuid                     not null references org_workspace (id),
    code                    varchar(30)              not null,
    name                    varchar(255)             not null,
    kind                    varchar(20)              not null,
    hourly_rate             numeric(19, 2)           not null,
    capacity_hours_per_day  numeric(5, 2)            not null,
    active                  boolean                  not null default true,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null,
    version                 bigint                   not null default 0,
    constraint ck_prod_work_center_kind check (kind in ('MANUAL', 'EXTERNAL')),
    constraint ck_prod_work_center_rate check (hourly_rate >= 0),
    constraint ck_prod_work_center_capacity check (capacity_hours_per_day > 0 and capacity_hours_per_day <= 24),
    constraint ck_prod_work_center_code check (code ~ '^[A-Za-z0-9_-]{1,30}$')
);
-- a code names one work center per workspace, whatever its case (it is part of the external task topic)
create unique index uq_prod_work_center_code on prod_work_center (workspace_id, lower(code));

-- how a product is made: one routing per manufactured product
create table prod_routing (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    product_id   uuid                     not null references cat_product (id),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint                   not null default 0,
    constraint uq_prod_routing_product unique (workspace_id, product_id)
);

create table prod_routing_operation (
    routing_id           uuid           not null references prod_routing (id) on delete cascade,
    seq                  integer        not null,
    work_center_id       uuid           not null references prod_work_center (id),
    name                 varchar(255)   not null,
    setup_minutes        numeric(12, 2) not null,
    run_minutes_per_unit numeric(12, 4) not null,
    instructions         varchar(4000),
    inspection_after     boolean        not null default false,
    primary key (routing_id, seq),
    constraint ck_prod_routing_operation_times check (setup_minutes >= 0 and run_minutes_per_unit >= 0)
);

create table prod_order (
    id                     uuid                     not null primary key,
    workspace_id           uuid                     not null references org_workspace (id),
    order_number           varchar(30)              not null,
    product_id             uuid                     not null references cat_product (id),
    quantity               numeric(19, 3)           not null,
    due_date               date,
    warehouse_id           uuid                     not null references inv_warehouse (id),
    status                 varchar(20)              not null,
    source_type            varchar(20)              not null,
    source_order_id        uuid,
    source_order_line_id   uuid,
    source_order_number    varchar(30),
    parent_id              uuid references prod_order (id),
    parent_requirement_id  uuid,
    hold_reason            varchar(2000),
    cancel_reason          varchar(2000),
    replanned_as           varchar(30),
    material_cost          numeric(19, 2)           not null default 0,
    labour_cost            numeric(19, 2)           not null default 0,
    good_quantity          numeric(19, 3),
    scrap_quantity         numeric(19, 3)           not null default 0,
    actual_unit_cost       numeric(19, 4),
    standard_unit_cost     numeric(19, 2),
    variance               numeric(19, 2),
    process_instance_id    varchar(64),
    released_by            uuid references idn_user (id),
    released_at            timestamp with time zone,
    finished_at            timestamp with time zone,
    created_by             uuid references idn_user (id),
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    version                bigint                   not null default 0,
    constraint uq_prod_order_number unique (workspace_id, order_number),
    constraint ck_prod_order_quantity check (quantity > 0),
    constraint ck_prod_order_status check (status in ('PLANNED', 'RELEASED', 'WAITING_MATERIALS', 'IN_PROGRESS',
        'INSPECTION', 'REWORK', 'ON_HOLD', 'DONE', 'SCRAPPED', 'CANCELLED')),
    constraint ck_prod_order_source check (source_type in ('MANUAL', 'SALES_ORDER_LINE', 'PARENT'))
);
create index ix_prod_order_status on prod_order (workspace_id, status);
create index ix_prod_order_parent on prod_order (parent_id);
-- one open production order per sales order line: replenishing a line twice answers the same order
create unique index uq_prod_order_open_source_line on prod_order (workspace_id, source_order_line_id)
    where source_order_line_id is not null and status not in ('DONE', 'SCRAPPED', 'CANCELLED');
-- one open child order per requirement of a parent
create unique index uq_prod_order_open_parent_requirement on prod_order (parent_requirement_id)
    where parent_requirement_id is not null and status not in ('DONE', 'SCRAPPED', 'CANCELLED');

-- what one production order needs: a component of its bill of materials, per order
create table prod_requirement (
    id                   uuid           not null primary key,
    production_order_id  uuid           not null references prod_order (id) on delete cascade,
    seq                  integer        not null,
    product_id           uuid           not null references cat_product (id),
    kind                 varchar(20)    not null,
    quantity_required    numeric(19, 3) not null,
    quantity_reserved    numeric(19, 3) not null default 0,
    quantity_issued      numeric(19, 3) not null default 0,
    issued_cost          numeric(19, 2) not null default 0,
    child_order_id       uuid references prod_order (id),
    child_order_number   varchar(30),
    requisition_number   varchar(30),
    constraint uq_prod_requirement_seq unique (production_order_id, seq),
    constraint ck_prod_requirement_kind check (kind in ('MATERIAL', 'SUBASSEMBLY')),
    constraint ck_prod_requirement_quantities check (quantity_required > 0 and quantity_reserved >= 0
        and quantity_issued >= 0)
);

-- an operation of one production order, copied from the routing when the order is planned
create table prod_operation (
    id                   uuid                     not null primary key,
    production_order_id  uuid                     not null references prod_order (id) on delete cascade,
    seq                  integer                  not null,
    work_center_id       uuid                     not null references prod_work_center (id),
    work_center_code     varchar(30)              not null,
    work_center_name     varchar(255)             not null,
    work_center_kind     varchar(20)              not null,
    hourly_rate          numeric(19, 2)           not null,
    name                 varchar(255)             not null,
    instructions         varchar(4000),
    setup_minutes        numeric(12, 2)           not null,
    run_minutes_per_unit numeric(12, 4)           not null,
    inspection_after     boolean                  not null,
    status               varchar(20)              not null,
    reports              integer                  not null default 0,
    reworks              integer                  not null default 0,
    good_quantity        numeric(19, 3),
    scrap_quantity       numeric(19, 3)           not null default 0,
    duration_minutes     numeric(12, 2)           not null default 0,
    labour_cost          numeric(19, 2)           not null default 0,
    notes                varchar(4000),
    performed_by         varchar(255),
    started_at           timestamp with time zone,
    finished_at          timestamp with time zone,
    constraint uq_prod_operation_seq unique (production_order_id, seq),
    constraint ck_prod_operation_status check (status in ('PENDING', 'IN_PROGRESS', 'DONE')),
    constraint ck_prod_operation_quantities check ((good_quantity is null or good_quantity >= 0)
        and scrap_quantity >= 0 and duration_minutes >= 0 and labour_cost >= 0)
);

-- a quality inspection of an operation's lot: the plan the quality-inspection table chose, and what was found
create table prod_inspection (
    id                   uuid                     not null primary key,
    production_order_id  uuid                     not null references prod_order (id) on delete cascade,
    operation_id         uuid                     not null references prod_operation (id) on delete cascade,
    for_report           integer                  not null,
    lot_size             numeric(19, 3)           not null,
    sample_size          integer                  not null,
    acceptance_number    integer                  not null,
    rework_limit         integer                  not null,
    sampled              numeric(19, 3),
    defects              numeric(19, 3),
    outcome              varchar(20),
    notes                varchar(4000),
    inspected_by         varchar(255),
    planned_at           timestamp with time zone not null,
    inspected_at         timestamp with time zone,
    constraint uq_prod_inspection_report unique (operation_id, for_report),
    constraint ck_prod_inspection_outcome check (outcome is null or outcome in ('PASSED', 'REWORK', 'SCRAP'))
);
