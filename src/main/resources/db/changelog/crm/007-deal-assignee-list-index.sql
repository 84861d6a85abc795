--liquibase formatted sql

--changeset prometric:crm-007-deal-assignee-list-index
-- The deal list filtered by assignee (a manager holds a tenth of a million deals): the index on assigned_to alone read
-- every counted row from the table to check its workspace (85 ms for the capped count); with the workspace and the
-- default order in the index, the count reads the index only and a page reads its rows in order.
drop index idx_crm_deal_assigned;
create index idx_crm_deal_list_assigned on crm_deal (workspace_id, assigned_to, created_at, id) where assigned_to is not null;
