--liquibase formatted sql

--changeset prometric:catalog-001-create-product
create table cat_product (
    id                 uuid                     not null primary key,
    workspace_id       uuid                     not null references org_workspace (id),
    code               varchar(50)              not null,
    name               varchar(255)             not null,
    description        varchar(5000),
    unit               varchar(20)              not null,
    price              numeric(19, 2)           not null,
    cost               numeric(19, 2)           not null default 0,
    status             varchar(20)              not null,
    vat_category       varchar(30)              not null,
    price_includes_vat boolean                  not null default false,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint                   not null default 0,
    constraint ck_cat_product_price check (price >= 0),
    constraint ck_cat_product_cost check (cost >= 0),
    constraint ck_cat_product_status check (status in ('ACTIVE', 'ARCHIVED')),
    constraint ck_cat_product_vat_category check (vat_category in ('STANDARD', 'MEDICAL', 'PERIODICALS', 'ZERO_RATED_EXPORT', 'EXEMPT'))
);
-- a code names one product per workspace, whatever its case
create unique index uq_cat_product_code on cat_product (workspace_id, lower(code));
create index ix_cat_product_name on cat_product (workspace_id, lower(name));

create table cat_bom_component (
    product_id   uuid           not null references cat_product (id),
    line_no      integer        not null,
    component_id uuid           not null references cat_product (id),
    quantity     numeric(19, 3) not null,
    primary key (product_id, line_no),
    constraint ck_cat_bom_component_quantity check (quantity > 0),
    constraint ck_cat_bom_component_not_self check (component_id <> product_id)
);
create index ix_cat_bom_component_component on cat_bom_component (component_id);
