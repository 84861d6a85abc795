-- EXPLAIN (ANALYZE, BUFFERS) of the large lists' statements at a million deals, as Hibernate renders them (docs/benchmarks.md,
-- "A million deals"). Run by ScaleListBenchmark -Dbench.explain=src/test/resources/bench/scale-explain.sql on one connection;
-- :ws is the workspace's id. Statements end with ";" at the end of a line.

-- deals, first page (default sort createdAt, ties on id) and page 500
explain (analyze, buffers, costs off) select * from crm_deal d1_0 where (d1_0.workspace_id=:ws)
 order by d1_0.created_at, d1_0.id offset 0 rows fetch first 21 rows only;
explain (analyze, buffers, costs off) select * from crm_deal d1_0 where (d1_0.workspace_id=:ws)
 order by d1_0.created_at, d1_0.id offset 9980 rows fetch first 21 rows only;
-- page 500 as the list reads it (ListQuery's deferred join): the page's ids by an index-only scan, then its rows by id
explain (analyze, buffers, costs off) select d1_0.id from crm_deal d1_0 where (d1_0.workspace_id=:ws)
 order by d1_0.created_at, d1_0.id offset 9980 rows fetch first 21 rows only;
-- the capped count of every page that is not the last: the ids of at most 10,001 matching rows
explain (analyze, buffers, costs off) select d1_0.id from crm_deal d1_0 where (d1_0.workspace_id=:ws)
 fetch first 10001 rows only;
-- a search with few matches and one with many, sorted by value
explain (analyze, buffers, costs off) select * from crm_deal d1_0 where (d1_0.workspace_id=:ws)
 and (lower((d1_0.title) collate "und-x-icu") like '%#123457%' escape '\')
 order by d1_0.created_at, d1_0.id offset 0 rows fetch first 21 rows only;
explain (analyze, buffers, costs off) select * from crm_deal d1_0 where (d1_0.workspace_id=:ws)
 and (lower((d1_0.title) collate "und-x-icu") like '%cabinets%' escape '\')
 order by d1_0.value desc, d1_0.id desc offset 0 rows fetch first 21 rows only;
explain (analyze, buffers, costs off) select d1_0.id from crm_deal d1_0 where (d1_0.workspace_id=:ws)
 and (lower((d1_0.title) collate "und-x-icu") like '%cabinets%' escape '\') fetch first 10001 rows only;
-- a filter with few matches (the open deals) and the manager's deals
explain (analyze, buffers, costs off) select * from crm_deal d1_0 where (d1_0.workspace_id=:ws) and (d1_0.stage='NEW')
 order by d1_0.created_at, d1_0.id offset 0 rows fetch first 21 rows only;
explain (analyze, buffers, costs off) select d1_0.id from crm_deal d1_0 where (d1_0.workspace_id=:ws)
 and (d1_0.assigned_to=(select assigned_to from crm_deal where workspace_id=:ws and assigned_to is not null limit 1))
 fetch first 10001 rows only;

-- customers: a Cyrillic search with many matches
explain (analyze, buffers, costs off) select * from crm_customer c1_0 where (c1_0.workspace_id=:ws)
 and (lower((c1_0.name) collate "und-x-icu") like '%жибек%' escape '\' or lower((c1_0.email) collate "und-x-icu") like '%жибек%' escape '\'
      or c1_0.tax_id like '%жибек%' escape '\')
 order by c1_0.name, c1_0.id offset 0 rows fetch first 21 rows only;
explain (analyze, buffers, costs off) select c1_0.id from crm_customer c1_0 where (c1_0.workspace_id=:ws)
 and (lower((c1_0.name) collate "und-x-icu") like '%жибек%' escape '\' or lower((c1_0.email) collate "und-x-icu") like '%жибек%' escape '\'
      or c1_0.tax_id like '%жибек%' escape '\') fetch first 10001 rows only;

-- orders: a search by number (few)
explain (analyze, buffers, costs off) select * from sales_order s1_0 where (s1_0.workspace_id=:ws)
 and (lower((s1_0.order_number) collate "und-x-icu") like '%so-2025-000123%' escape '\'
      or s1_0.customer_id in ('00000000-0000-0000-0000-000000000000'))
 order by s1_0.created_at, s1_0.id offset 0 rows fetch first 21 rows only;

-- invoices: overdue, by customer
explain (analyze, buffers, costs off) select * from fin_invoice i1_0 where (i1_0.workspace_id=:ws)
 and (i1_0.kind='INVOICE' and i1_0.status in ('ISSUED','PARTIALLY_PAID','PARTIALLY_CREDITED') and i1_0.due_date<current_date)
 order by i1_0.issue_date, i1_0.id offset 0 rows fetch first 21 rows only;
explain (analyze, buffers, costs off) select i1_0.id from fin_invoice i1_0 where (i1_0.workspace_id=:ws)
 and (i1_0.kind='INVOICE' and i1_0.status in ('ISSUED','PARTIALLY_PAID','PARTIALLY_CREDITED') and i1_0.due_date<current_date)
 fetch first 10001 rows only;

-- before (the commit before e71de3e): every page counted all matching rows, and a search read every row of the
-- workspace; the indexes are dropped inside a transaction that is rolled back
begin;
drop index idx_crm_deal_title_trgm;
explain (analyze, buffers, costs off) select count(d1_0.id) from crm_deal d1_0 where (d1_0.workspace_id=:ws);
explain (analyze, buffers, costs off) select * from crm_deal d1_0 where (d1_0.workspace_id=:ws)
 and (lower((d1_0.title) collate "und-x-icu") like '%#123457%' escape '\')
 order by d1_0.created_at offset 0 rows fetch first 20 rows only;
rollback;

-- the old optional-filter statement, planned once for any parameters (what a prepared statement may get after five
-- executions): the search's index cannot be chosen
set plan_cache_mode = force_generic_plan;
prepare old_deals(uuid, varchar, uuid, uuid, varchar) as select * from crm_deal d1_0 where d1_0.workspace_id=$1
 and ($2 is null or d1_0.stage=$2) and ($3 is null or d1_0.customer_id=$3) and ($4 is null or d1_0.assigned_to=$4)
 and ($5 is null or lower((d1_0.title) collate "und-x-icu") like $5 escape '\')
 order by d1_0.created_at, d1_0.id offset 0 rows fetch first 21 rows only;
explain (analyze, buffers, costs off) execute old_deals(:ws, null, null, null, '%#123457%');
deallocate old_deals;
reset plan_cache_mode;
