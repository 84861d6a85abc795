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

-- the ERP's task list as the owner (GET …/tasks: assigned to him or offered to him or his groups, due date order), the
-- engine's task query as it renders it (the second workspace's group and tenant ids left out). Before (authorization
-- check revokes "auto", no revoke in the database): every matching authorization row left-joined to every task on
-- resource id IN (task id, definition key, '*')
explain (analyze, buffers, costs off) select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_,
 RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_,
 RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_,
 RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_ from ACT_RU_TASK RES left join
 ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ left join (
 SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( 'owner@scale.prometric.kz', '*') OR
 A.GROUP_ID_ IN ( (:ws || ':manager'), 'process-owners' ) ) AND ( ( A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2 OR
 A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64 ) ) ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' )) WHERE ( 1
 = 1 and RES.TENANT_ID_ in ( :ws ) and RES.SUSPENSION_STATE_ = 1 ) and ( 1 = 1 and RES.ASSIGNEE_ =
 'owner@scale.prometric.kz' or ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.USER_ID_ =
 'owner@scale.prometric.kz' or I.GROUP_ID_ IN ( (:ws || ':owner'), (:ws || ':admin'), (:ws || ':manager'), (:ws ||
 ':member'), 'process-owners' ) ) ) ) and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
 and (RES.TENANT_ID_ is null or RES.TENANT_ID_ in (:ws ) ) order by RES.DUE_DATE_ asc, RES.ID_ asc LIMIT 20 OFFSET 0;
-- after (authorization-check-revokes: always): grants and revokes checked per task row through the indexes
explain (analyze, buffers, costs off) select distinct RES.REV_, RES.ID_, RES.NAME_, RES.PARENT_TASK_ID_, RES.DESCRIPTION_, RES.PRIORITY_, RES.CREATE_TIME_,
 RES.OWNER_, RES.ASSIGNEE_, RES.DELEGATION_, RES.EXECUTION_ID_, RES.PROC_INST_ID_, RES.PROC_DEF_ID_,
 RES.CASE_EXECUTION_ID_, RES.CASE_INST_ID_, RES.CASE_DEF_ID_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_,
 RES.SUSPENSION_STATE_, RES.TENANT_ID_, RES.LAST_UPDATED_, RES.TASK_STATE_ from ACT_RU_TASK RES left join
 ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ WHERE ( 1 = 1
 and RES.TENANT_ID_ in ( :ws ) and RES.SUSPENSION_STATE_ = 1 ) and ( 1 = 1 and RES.ASSIGNEE_ =
 'owner@scale.prometric.kz' or ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.USER_ID_ =
 'owner@scale.prometric.kz' or I.GROUP_ID_ IN ( (:ws || ':owner') , (:ws || ':admin') , (:ws || ':manager') , (:ws ||
 ':member') , 'process-owners' ) ) ) ) AND ( CASE WHEN RES.CASE_EXECUTION_ID_ is not null THEN 1 ELSE ( COALESCE((
 SELECT CASE WHEN RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.USER_ID_ =
 'owner@scale.prometric.kz' AND A.PERMS_ & 2 = 2 AND A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = RES.ID_) THEN 1 WHEN
 RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 2 AND A.USER_ID_ =
 'owner@scale.prometric.kz' AND A.PERMS_ & 2 != 2 AND A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = RES.ID_) THEN 0 WHEN
 EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.USER_ID_ = 'owner@scale.prometric.kz' AND
 A.PERMS_ & 2 = 2 AND A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = '*') THEN 1 WHEN EXISTS (SELECT ID_ FROM
 ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 2 AND A.USER_ID_ = 'owner@scale.prometric.kz' AND A.PERMS_ & 2 != 2 AND
 A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = '*') THEN 0 ELSE ( SELECT CASE WHEN RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM
 ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.GROUP_ID_ IN ((:ws || ':manager'),'process-owners') AND A.PERMS_ & 2 =
 2 AND A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = RES.ID_) THEN 1 WHEN RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM
 ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 2 AND A.GROUP_ID_ IN ((:ws || ':manager'),'process-owners') AND A.PERMS_ & 2
 != 2 AND A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = RES.ID_) THEN 0 WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION
 A WHERE A.TYPE_ = 1 AND A.GROUP_ID_ IN ((:ws || ':manager'),'process-owners') AND A.PERMS_ & 2 = 2 AND
 A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = '*') THEN 1 WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION A WHERE
 A.TYPE_ = 2 AND A.GROUP_ID_ IN ((:ws || ':manager'),'process-owners') AND A.PERMS_ & 2 != 2 AND A.RESOURCE_TYPE_ = 7
 AND A.RESOURCE_ID_ = '*') THEN 0 ELSE ( SELECT CASE WHEN RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION
 A WHERE A.TYPE_ = 0 AND A.USER_ID_ = '*' AND A.PERMS_ & 2 = 2 AND A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = RES.ID_)
 THEN 1 WHEN RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 0 AND A.USER_ID_ = '*' AND
 A.PERMS_ & 2 != 2 AND A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = RES.ID_) THEN 0 WHEN EXISTS (SELECT ID_ FROM
 ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 0 AND A.USER_ID_ = '*' AND A.PERMS_ & 2 = 2 AND A.RESOURCE_TYPE_ = 7 AND
 A.RESOURCE_ID_ = '*') THEN 1 WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 0 AND A.USER_ID_ =
 '*' AND A.PERMS_ & 2 != 2 AND A.RESOURCE_TYPE_ = 7 AND A.RESOURCE_ID_ = '*') THEN 0 ELSE null END ) END ) END ) ,
 COALESCE(( SELECT CASE WHEN D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND
 A.USER_ID_ = 'owner@scale.prometric.kz' AND A.PERMS_ & 64 = 64 AND A.RESOURCE_TYPE_ = 6 AND A.RESOURCE_ID_ = D.KEY_)
 THEN 1 WHEN D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 2 AND A.USER_ID_ =
 'owner@scale.prometric.kz' AND A.PERMS_ & 64 != 64 AND A.RESOURCE_TYPE_ = 6 AND A.RESOURCE_ID_ = D.KEY_) THEN 0 WHEN
 EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.USER_ID_ = 'owner@scale.prometric.kz' AND
 A.PERMS_ & 64 = 64 AND A.RESOURCE_TYPE_ = 6 AND A.RESOURCE_ID_ = '*') THEN 1 WHEN EXISTS (SELECT ID_ FROM
 ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 2 AND A.USER_ID_ = 'owner@scale.prometric.kz' AND A.PERMS_ & 64 != 64 AND
 A.RESOURCE_TYPE_ = 6 AND A.RESOURCE_ID_ = '*') THEN 0 ELSE ( SELECT CASE WHEN D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM
 ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 1 AND A.GROUP_ID_ IN ((:ws || ':manager'),'process-owners') AND A.PERMS_ & 64
 = 64 AND A.RESOURCE_TYPE_ = 6 AND A.RESOURCE_ID_ = D.KEY_) THEN 1 WHEN D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM
 ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 2 AND A.GROUP_ID_ IN ((:ws || ':manager'),'process-owners') AND A.PERMS_ & 64
 != 64 AND A.RESOURCE_TYPE_ = 6 AND A.RESOURCE_ID_ = D.KEY_) THEN 0 WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION
 A WHERE A.TYPE_ = 1 AND A.GROUP_ID_ IN ((:ws || ':manager'),'process-owners') AND A.PERMS_ & 64 = 64 AND
 A.RESOURCE_TYPE_ = 6 AND A.RESOURCE_ID_ = '*') THEN 1 WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION A WHERE
 A.TYPE_ = 2 AND A.GROUP_ID_ IN ((:ws || ':manager'),'process-owners') AND A.PERMS_ & 64 != 64 AND A.RESOURCE_TYPE_ =
 6 AND A.RESOURCE_ID_ = '*') THEN 0 ELSE ( SELECT CASE WHEN D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION
 A WHERE A.TYPE_ = 0 AND A.USER_ID_ = '*' AND A.PERMS_ & 64 = 64 AND A.RESOURCE_TYPE_ = 6 AND A.RESOURCE_ID_ = D.KEY_)
 THEN 1 WHEN D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 0 AND A.USER_ID_ = '*' AND
 A.PERMS_ & 64 != 64 AND A.RESOURCE_TYPE_ = 6 AND A.RESOURCE_ID_ = D.KEY_) THEN 0 WHEN EXISTS (SELECT ID_ FROM
 ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 0 AND A.USER_ID_ = '*' AND A.PERMS_ & 64 = 64 AND A.RESOURCE_TYPE_ = 6 AND
 A.RESOURCE_ID_ = '*') THEN 1 WHEN EXISTS (SELECT ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ = 0 AND A.USER_ID_ =
 '*' AND A.PERMS_ & 64 != 64 AND A.RESOURCE_TYPE_ = 6 AND A.RESOURCE_ID_ = '*') THEN 0 ELSE null END ) END ) END ) , 0
 ) ) ) END ) = 1 and (RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( :ws ) ) order by RES.DUE_DATE_ asc, RES.ID_ asc
 LIMIT 20 OFFSET 0;

-- the deal pipeline: before, an aggregate over every deal of the workspace; after, its six rows of crm_deal_stage_total
explain (analyze, buffers, costs off) select stage, count(*), sum(value), sum(value * probability) from crm_deal
 where workspace_id = :ws group by stage;
explain (analyze, buffers, costs off) select stage, deals, value, value_times_probability from crm_deal_stage_total
 where workspace_id = :ws;
