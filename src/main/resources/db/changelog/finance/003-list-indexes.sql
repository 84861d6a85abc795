--liquibase formatted sql

--changeset prometric:finance-003-list-indexes
-- The invoice list at half a million invoices (issue 12): (workspace, sort key, id) per public sort key (the number
-- has its unique index), the order filter for every kind (the unique index covers invoices only), and trigram indexes
-- on the searched number and buyer, fold(x).
create index idx_fin_invoice_list_issue on fin_invoice (workspace_id, issue_date, id);
create index idx_fin_invoice_list_gross on fin_invoice (workspace_id, gross_total, id);
create index idx_fin_invoice_list_due on fin_invoice (workspace_id, due_date, id);
create index idx_fin_invoice_list_status on fin_invoice (workspace_id, status, id);
create index idx_fin_invoice_order on fin_invoice (order_id);
create index idx_fin_invoice_number_trgm on fin_invoice using gin (lower((number) collate "und-x-icu") gin_trgm_ops);
create index idx_fin_invoice_buyer_trgm on fin_invoice using gin (lower((buyer_name) collate "und-x-icu") gin_trgm_ops);
-- superseded by the list indexes above
drop index idx_fin_invoice_workspace;
