--liquibase formatted sql

--changeset prometric:sales-006-list-indexes
-- The order list at half a million orders (issue 12): (workspace, sort key, id) per public sort key (the order number
-- has its unique index), the customer filter, and a trigram index on the searched number, fold(order_number).
create index idx_sales_order_list_created on sales_order (workspace_id, created_at, id);
create index idx_sales_order_list_total on sales_order (workspace_id, total_amount, id);
create index idx_sales_order_list_status on sales_order (workspace_id, status, id);
create index idx_sales_order_customer on sales_order (customer_id, created_at);
create index idx_sales_order_number_trgm on sales_order
    using gin (lower((order_number) collate "und-x-icu") gin_trgm_ops);
-- superseded by the list indexes above
drop index idx_orders_status;
