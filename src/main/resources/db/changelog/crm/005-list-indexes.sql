--liquibase formatted sql

--changeset prometric:crm-005-list-indexes
-- The deal and customer lists at a million rows (issue 12; plans in docs/benchmarks.md, "A million deals"): one index
-- per public sort key, (workspace, key, id) as the list orders (key and id in the same direction), so a page reads
-- its rows in index order and stops; trigram indexes on exactly the expression the searches compare,
-- fold(x) = lower((x) collate "und-x-icu").
create index idx_crm_deal_list_created on crm_deal (workspace_id, created_at, id);
create index idx_crm_deal_list_title on crm_deal (workspace_id, title, id);
create index idx_crm_deal_list_value on crm_deal (workspace_id, value, id);
create index idx_crm_deal_list_stage on crm_deal (workspace_id, stage, id);
create index idx_crm_deal_list_close on crm_deal (workspace_id, expected_close_date, id);
create index idx_crm_deal_list_probability on crm_deal (workspace_id, probability, id);
create index idx_crm_deal_assigned on crm_deal (assigned_to) where assigned_to is not null;
create index idx_crm_deal_title_trgm on crm_deal using gin (lower((title) collate "und-x-icu") gin_trgm_ops);
-- superseded by the list indexes above (same leading columns)
drop index idx_deals_created;
drop index idx_deals_stage;

create index idx_crm_customer_list_created on crm_customer (workspace_id, created_at, id);
create index idx_crm_customer_list_name on crm_customer (workspace_id, name, id);
create index idx_crm_customer_list_type on crm_customer (workspace_id, type, id);
create index idx_crm_customer_name_trgm on crm_customer using gin (lower((name) collate "und-x-icu") gin_trgm_ops);
create index idx_crm_customer_email_trgm on crm_customer using gin (lower((email) collate "und-x-icu") gin_trgm_ops);
create index idx_crm_customer_tax_id_trgm on crm_customer using gin (tax_id gin_trgm_ops);
