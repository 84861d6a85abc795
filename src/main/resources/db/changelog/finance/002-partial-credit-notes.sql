--liquibase formatted sql

--changeset prometric:finance-002-partial-credit-notes
-- The source document an invoice was issued for (the order number), so finance no longer reads sales.
alter table fin_invoice add column source_document varchar(40);
update fin_invoice i set source_document = o.order_number from sales_order o where o.id = i.order_id;

-- Partial credit notes: an invoice keeps what its credit notes took off; balance = gross - paid - credited.
alter table fin_invoice add column credited_total numeric(19, 2) not null default 0;
update fin_invoice set credited_total = gross_total where kind = 'INVOICE' and status = 'CREDITED';
alter table fin_invoice drop constraint ck_fin_invoice_paid;
alter table fin_invoice add constraint ck_fin_invoice_paid
    check (paid_total >= 0 and credited_total >= 0
           and (kind = 'CREDIT_NOTE' or paid_total + credited_total <= gross_total));
alter table fin_invoice drop constraint ck_fin_invoice_status;
alter table fin_invoice add constraint ck_fin_invoice_status
    check (status in ('ISSUED', 'PARTIALLY_PAID', 'PARTIALLY_CREDITED', 'PAID', 'CREDITED'));
-- several credit notes per invoice now, each taking part of what remains
drop index uq_fin_invoice_credit_note;
create index idx_fin_invoice_original on fin_invoice (original_invoice_id) where kind = 'CREDIT_NOTE';

-- a credit note's line names the invoice line (1-based) it credits
alter table fin_invoice_line add column original_line_no integer;
update fin_invoice_line l set original_line_no = l.line_no + 1
  from fin_invoice i where i.id = l.invoice_id and i.kind = 'CREDIT_NOTE';
