--liquibase formatted sql

--changeset prometric:inventory-003-minimum-stock
-- the reorder point of a product in a warehouse: stock on hand below it is listed as below minimum
create table inv_minimum_stock (
    id               uuid                     not null primary key,
    workspace_id     uuid                     not null references org_workspace (id),
    warehouse_id     uuid                     not null references inv_warehouse (id),
    product_id       uuid                     not null references cat_product (id),
    minimum_quantity numeric(19, 3)           not null,
    updated_by       uuid references idn_user (id),
    updated_at       timestamp with time zone not null,
    constraint uq_inv_minimum_stock unique (warehouse_id, product_id),
    constraint ck_inv_minimum_stock_quantity check (minimum_quantity >= 0)
);
create index ix_inv_minimum_stock_workspace on inv_minimum_stock (workspace_id, product_id);
