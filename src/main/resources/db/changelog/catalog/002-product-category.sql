--liquibase formatted sql

--changeset prometric:catalog-002-product-category
-- what kind of thing a product is (ProductCategory); existing products are OTHER
alter table cat_product add column category varchar(30) not null default 'OTHER';
alter table cat_product add constraint ck_cat_product_category check (category in ('RAW_MATERIAL', 'COMPONENT',
    'PACKAGING', 'CONSUMABLE', 'FINISHED_GOOD', 'EQUIPMENT', 'OTHER'));
create index ix_cat_product_category on cat_product (workspace_id, category);
