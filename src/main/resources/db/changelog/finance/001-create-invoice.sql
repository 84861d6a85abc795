--liquibase formatted sql

--changeset prometric:finance-001-create-invoice
-- invoices and credit notes (kind), never edited once issued except for status and paid total
create table fin_invoice (
    id                  uuid                     not null primary key,
    workspace_id        uuid                     not null references org_workspace (id),
    kind                varchar(20)              not null,
    number              varchar(40)              not null,
    order_id            uuid references sales_order (id),
    customer_id         uuid references crm_customer (id),
    original_invoice_id uuid references fin_invoice (id),
    original_number     varchar(40),
    credit_reason       varchar(2000),
    seller_name         varchar(255)             not null,
    seller_bin          varchar(12),
    buyer_name          varchar(255)             not null,
    buyer_tax_id        varchar(12),
    buyer_address       varchar(1000),
    buyer_email         varchar(320),
    issue_date          date                     not null,
    turnover_date       date                     not null,
    due_date            date                     not null,
    currency            varchar(3)               not null,
    net_total           numeric(19, 2)           not null,
    vat_total           numeric(19, 2)           not null,
    gross_total         numeric(19, 2)           not null,
    paid_total          numeric(19, 2)           not null default 0,
    status              varchar(20)              not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint                   not null default 0,
    constraint uq_fin_invoice_number unique (workspace_id, number),
    constraint ck_fin_invoice_kind check (kind in ('INVOICE', 'CREDIT_NOTE')),
    constraint ck_fin_invoice_status check (status in ('ISSUED', 'PARTIALLY_PAID', 'PAID', 'CREDITED')),
    constraint ck_fin_invoice_paid check (paid_total >= 0 and (kind = 'CREDIT_NOTE' or paid_total <= gross_total))
);
-- exactly one invoice per order: the guarantee behind "issued exactly once"
create unique index uq_fin_invoice_order on fin_invoice (order_id) where kind = 'INVOICE';
-- one credit note per invoice
create unique index uq_fin_invoice_credit_note on fin_invoice (original_invoice_id) where kind = 'CREDIT_NOTE';
create index idx_fin_invoice_workspace on fin_invoice (workspace_id, status);
create index idx_fin_invoice_customer on fin_invoice (workspace_id, customer_id);

create table fin_invoice_line (
    invoice_id         uuid           not null references fin_invoice (id) on delete cascade,
    workspace_id       uuid           not null references org_workspace (id),
    line_no            integer        not null,
    product_id         uuid,
    name               varchar(255)   not null,
    unit               varchar(20)    not null,
    quantity           numeric(19, 3) not null,
    unit_price         numeric(19, 2) not null,
    discount_percent   numeric(5, 2)  not null default 0,
    price_includes_vat boolean        not null,
    vat_category       varchar(30)    not null,
    vat_rate           numeric(5, 2),
    vat_exempt         boolean        not null,
    amount             numeric(19, 2) not null,
    net                numeric(19, 2) not null,
    primary key (invoice_id, line_no)
);

-- VAT per rate of a document (exempt is a group of its own, rate null)
create table fin_invoice_vat (
    invoice_id   uuid           not null references fin_invoice (id) on delete cascade,
    workspace_id uuid           not null references org_workspace (id),
    line_no      integer        not null,
    vat_rate     numeric(5, 2),
    vat_exempt   boolean        not null,
    taxable_base numeric(19, 2) not null,
    vat          numeric(19, 2) not null,
    gross        numeric(19, 2) not null,
    primary key (invoice_id, line_no)
);

create table fin_payment (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    invoice_id   uuid                     not null references fin_invoice (id),
    amount       numeric(19, 2)           not null,
    paid_on      date                     not null,
    reference    varchar(255),
    recorded_by  uuid references idn_user (id),
    created_at   timestamp with time zone not null,
    constraint ck_fin_payment_amount check (amount > 0)
);
create index idx_fin_payment_invoice on fin_payment (invoice_id);
