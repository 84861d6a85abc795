--liquibase formatted sql

--changeset prometric:inventory-001-create-inventory
create table inv_warehouse (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    code         varchar(50)              not null,
    name         varchar(255)             not null,
    address      varchar(1000),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint                   not null default 0
);
-- a code names one warehouse per workspace, whatever its case
create unique index uq_inv_warehouse_code on inv_warehouse (workspace_id, lower(code));

-- the balance of one product in one warehouse; equals the sum of its movements
create table inv_stock (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    warehouse_id uuid                     not null references inv_warehouse (id),
    product_id   uuid                     not null references cat_product (id),
    on_hand      numeric(19, 3)           not null default 0,
    reserved     numeric(19, 3)           not null default 0,
    updated_at   timestamp with time zone not null,
    version      bigint                   not null default 0,
    constraint uq_inv_stock_warehouse_product unique (warehouse_id, product_id),
    constraint ck_inv_stock_quantities check (on_hand >= 0 and reserved >= 0 and reserved <= on_hand)
);
create index ix_inv_stock_product on inv_stock (workspace_id, product_id);

-- the append-only ledger: quantity is positive, except for adjustments, whose sign is the direction
create table inv_movement (
    id             uuid                     not null primary key,
    workspace_id   uuid                     not null references org_workspace (id),
    warehouse_id   uuid                     not null references inv_warehouse (id),
    product_id     uuid                     not null references cat_product (id),
    type           varchar(20)              not null,
    quantity       numeric(19, 3)           not null,
    reference_type varchar(30),
    reference_id   uuid,
    note           varchar(1000),
    created_by     uuid references idn_user (id),
    created_at     timestamp with time zone not null,
    constraint ck_inv_movement_type check (type in ('RECEIPT', 'RESERVATION', 'RELEASE', 'ISSUE', 'PRODUCTION_OUTPUT',
                                                    'ADJUSTMENT')),
    constraint ck_inv_movement_quantity check (quantity <> 0 and (type = 'ADJUSTMENT' or quantity > 0))
);
create index ix_inv_movement_balance on inv_movement (workspace_id, warehouse_id, product_id);
create index ix_inv_movement_created on inv_movement (workspace_id, created_at);
create index ix_inv_movement_reference on inv_movement (reference_type, reference_id);

create table inv_reservation (
    id            uuid                     not null primary key,
    workspace_id  uuid                     not null references org_workspace (id),
    order_id      uuid                     not null,
    order_line_id uuid                     not null,
    product_id    uuid                     not null references cat_product (id),
    warehouse_id  uuid                     not null references inv_warehouse (id),
    quantity      numeric(19, 3)           not null,
    status        varchar(20)              not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint                   not null default 0,
    constraint ck_inv_reservation_quantity check (quantity > 0),
    constraint ck_inv_reservation_status check (status in ('ACTIVE', 'RELEASED', 'ISSUED'))
);
-- an order line holds at most one active reservation, so a retried reservation finds the first
create unique index uq_inv_reservation_active_line on inv_reservation (order_line_id) where status = 'ACTIVE';
create index ix_inv_reservation_order on inv_reservation (workspace_id, order_id);

--changeset prometric:inventory-001-movement-append-only splitStatements:false
create function inv_movement_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'inv_movement is append-only: % refused', tg_op;
end;
$$;
create trigger tr_inv_movement_append_only
    before update or delete on inv_movement
    for each row execute function inv_movement_append_only();
