--liquibase formatted sql

--changeset prometric:sales-002-fix-line-tax-basis
-- Price basis, VAT category and unit are fixed on the order line when the order is placed, so the invoice no
-- longer reads the product's current settings. Existing lines take their product's settings as they are now (the
-- best that is known); lines without a product are services: standard VAT on a price without VAT, unit pcs.
alter table sales_order_line add column unit varchar(20);
alter table sales_order_line add column price_includes_vat boolean;
alter table sales_order_line add column vat_category varchar(30);
update sales_order_line l
   set unit = p.unit, price_includes_vat = p.price_includes_vat, vat_category = p.vat_category
  from cat_product p
 where p.id = l.product_id;
update sales_order_line
   set unit = coalesce(unit, 'pcs'),
       price_includes_vat = coalesce(price_includes_vat, false),
       vat_category = coalesce(vat_category, 'STANDARD');
alter table sales_order_line alter column unit set not null;
alter table sales_order_line alter column price_includes_vat set not null;
alter table sales_order_line alter column vat_category set not null;
alter table sales_order_line add constraint ck_sales_order_line_vat_category
    check (vat_category in ('STANDARD', 'MEDICAL', 'PERIODICALS', 'ZERO_RATED_EXPORT', 'EXEMPT'));

-- the fulfilment instance an order is bound to (its business key is the order number), and the order's invoice
alter table sales_order add column process_instance_id varchar(64);
alter table sales_order add column invoice_id uuid;
