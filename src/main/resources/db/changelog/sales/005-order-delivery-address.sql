--liquibase formatted sql

--changeset prometric:sales-005-order-delivery-address
-- Where an order's goods go (issue 11). Taken when the order is placed (given with it, else the customer's address at
-- that moment: a snapshot, so a later change of the customer's address does not move the order) and changeable until
-- the order is shipped. Existing orders take their customer's current address, the best that is known; an order whose
-- customer has no address has none until someone sets it. As long as a customer's address (varchar 1000), so a
-- snapshot always fits. A change of it is recorded in the order's history.
alter table sales_order add column delivery_address varchar(1000);
update sales_order o
   set delivery_address = c.address
  from crm_customer c
 where c.id = o.customer_id
   and c.address is not null
   and btrim(c.address) <> '';
alter table sales_order_change drop constraint ck_sales_order_change_action;
alter table sales_order_change add constraint ck_sales_order_change_action
    check (action in ('CREATED', 'STATUS_CHANGED', 'CANCELLED', 'DELIVERY_ADDRESS_CHANGED'));
