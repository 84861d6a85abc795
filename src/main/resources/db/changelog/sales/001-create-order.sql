--liquibase formatted sql

--changeset prometric:sales-001-create-order
create table sales_order (
    id            uuid                     not null primary key,
    workspace_id  uuid                     not null references org_workspace (id),
    order_number  varchar(30)              not null,
    customer_id   uuid                     not null references crm_customer (id),
    deal_id       uuid references crm_deal (id),
    status        varchar(20)              not null,
    currency      varchar(3)               not null,
    total_amount  numeric(19, 2)           not null,
    cancel_reason varchar(2000),
    carrier         varchar(100),
    tracking_number varchar(100),
    shipped_at      timestamp with time zone,
    invoice_number  varchar(30),
    created_by    uuid references idn_user (id),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint                   not null default 0,
    constraint uq_sales_order_number unique (workspace_id, order_number),
    constraint ck_sales_order_status check (status in ('PENDING', 'CONFIRMED', 'AWAITING_STOCK', 'IN_PRODUCTION',
                                                       'SHIPPED', 'INVOICED', 'PAID', 'CANCELLED')),
    constraint ck_sales_order_total check (total_amount >= 0)
);
-- one order per deal: the guarantee behind "created from a won deal exactly once"
create unique index uq_sales_order_deal on sales_order (deal_id) where deal_id is not null;
-- the seed's indexes
create index idx_orders_workspace on sales_order (workspace_id);
create index idx_orders_status on sales_order (workspace_id, status);

create table sales_order_line (
    order_id         uuid           not null references sales_order (id) on delete cascade,
    line_no          integer        not null,
    product_id       uuid,
    product_name     varchar(255)   not null,
    quantity         numeric(19, 3) not null,
    unit_price       numeric(19, 2) not null,
    discount_percent numeric(5, 2)  not null default 0,
    primary key (order_id, line_no),
    constraint ck_sales_order_line_quantity check (quantity > 0),
    constraint ck_sales_order_line_price check (unit_price >= 0),
    constraint ck_sales_order_line_discount check (discount_percent between 0 and 100)
);
