--liquibase formatted sql

--changeset prometric:shared-006-pg-trgm
-- Trigram indexes (pg_trgm, a contrib extension shipped with PostgreSQL, the embedded binaries included) let the list
-- searches fold(x) like '%text%' use an index instead of reading every row of a workspace (issue 12, a million deals).
create extension if not exists pg_trgm;
