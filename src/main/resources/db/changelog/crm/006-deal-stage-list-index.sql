--liquibase formatted sql

--changeset prometric:crm-006-deal-stage-list-index
-- The deal list filtered by stage in its default order (created): the open stages hold a few thousand of a million
-- deals, all of them recent, and read in the created index with a stage filter such a page passed 995,000 rows
-- (1.4 s, docs/benchmarks.md "A million deals"); this index finds them in order.
create index idx_crm_deal_list_stage_created on crm_deal (workspace_id, stage, created_at, id);
