--liquibase formatted sql

--changeset prometric:organization-004-process-owner
-- The process owner right of a member: may deploy the workspace's own versions of processes, decision tables
-- and forms (docs/security.md). The workspace's owner always holds it, whatever this column says.
alter table org_membership add column process_owner boolean not null default false;
