--liquibase formatted sql

--changeset prometric:sales-003-order-replenishment
-- How the shortfall of an order line is being replenished (issue 9): the order-fulfilment process asks production
-- to make (a production order MO-...) or buy (a purchase requisition PR-...) what could not be reserved, and records
-- the answer here, one row per line and document. Production's events mark it DONE or FAILED.
create table sales_order_replenishment (
    order_id        uuid                     not null references sales_order (id) on delete cascade,
    seq             integer                  not null,
    line_no         integer                  not null,
    product_id      uuid                     not null,
    quantity        numeric(19, 3)           not null,
    kind            varchar(20)              not null,
    document_number varchar(30)              not null,
    status          varchar(20)              not null,
    problem         varchar(2000),
    requested_at    timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    primary key (order_id, seq),
    constraint uq_sales_order_replenishment_document unique (order_id, line_no, document_number),
    constraint ck_sales_order_replenishment_kind check (kind in ('MANUFACTURE', 'PURCHASE')),
    constraint ck_sales_order_replenishment_status check (status in ('OPEN', 'DONE', 'FAILED')),
    constraint ck_sales_order_replenishment_quantity check (quantity > 0)
);
