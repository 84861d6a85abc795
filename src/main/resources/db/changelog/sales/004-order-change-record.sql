--liquibase formatted sql

--changeset prometric:sales-004-order-change-record
-- The order's own history (issue 11): who did what to an order and when, written by OrderManagement in the
-- transaction that does it (created, each status change, cancelled). Kept as long as the order; the engine's task
-- history (with its time to live) is shown beside it, never instead of it. changed_by is null for steps the
-- order-fulfilment process takes by itself.
create table sales_order_change (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    order_id     uuid                     not null references sales_order (id) on delete cascade,
    changed_at   timestamp with time zone not null,
    changed_by   uuid references idn_user (id),
    action       varchar(30)              not null,
    from_status  varchar(20),
    to_status    varchar(20)              not null,
    detail       varchar(2000),
    constraint ck_sales_order_change_action check (action in ('CREATED', 'STATUS_CHANGED', 'CANCELLED'))
);
create index idx_sales_order_change_order on sales_order_change (order_id, changed_at);

-- the warehouse a hand-entered order is to be served from (null: the one with the most stock, as before)
alter table sales_order add column warehouse_id uuid references inv_warehouse (id);
