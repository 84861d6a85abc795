--liquibase formatted sql

--changeset prometric:inventory-002-production-movements
-- stock issued to production leaves on hand and reserved; scrap writes off work in progress (no stock effect)
alter table inv_movement drop constraint ck_inv_movement_type;
alter table inv_movement add constraint ck_inv_movement_type check (type in ('RECEIPT', 'RESERVATION', 'RELEASE',
    'ISSUE', 'PRODUCTION_OUTPUT', 'ADJUSTMENT', 'ISSUE_TO_PRODUCTION', 'SCRAP'));
-- the value of one unit at the time of the movement; null for movements without value (reservations, releases)
alter table inv_movement add column unit_cost numeric(19, 4);
alter table inv_movement add constraint ck_inv_movement_unit_cost check (unit_cost is null or unit_cost >= 0);
-- the reservation an issue to production took its stock from
alter table inv_movement add column reservation_id uuid references inv_reservation (id);

-- exactly once, whatever retries or concurrent duplicates try: one output and one scrap per production order,
-- one receipt per purchase order and product, one issue to production per reservation
create unique index uq_inv_movement_production_output on inv_movement (workspace_id, reference_id)
    where type = 'PRODUCTION_OUTPUT' and reference_type = 'PRODUCTION_ORDER';
create unique index uq_inv_movement_scrap on inv_movement (workspace_id, reference_id)
    where type = 'SCRAP' and reference_type = 'PRODUCTION_ORDER';
create unique index uq_inv_movement_purchase_receipt on inv_movement (workspace_id, reference_id, product_id)
    where type = 'RECEIPT' and reference_type = 'PURCHASE_ORDER';
create unique index uq_inv_movement_issue_to_production on inv_movement (reservation_id)
    where type = 'ISSUE_TO_PRODUCTION';

--changeset prometric:inventory-002-valuation
-- moving average cost per product over all warehouses of a workspace; quantity = the stock on hand it values
create table inv_valuation (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    product_id   uuid                     not null references cat_product (id),
    quantity     numeric(19, 3)           not null default 0,
    average_cost numeric(19, 4),
    updated_at   timestamp with time zone not null,
    version      bigint                   not null default 0,
    constraint uq_inv_valuation_product unique (workspace_id, product_id),
    constraint ck_inv_valuation_quantity check (quantity >= 0),
    constraint ck_inv_valuation_average_cost check (average_cost is null or average_cost >= 0)
);

-- stock received before valuation existed is valued at the product's standard cost
insert into inv_valuation (id, workspace_id, product_id, quantity, average_cost, updated_at, version)
select gen_random_uuid(), s.workspace_id, s.product_id, sum(s.on_hand), p.cost, now(), 0
from inv_stock s
         join cat_product p on p.id = s.product_id
group by s.workspace_id, s.product_id, p.cost;
