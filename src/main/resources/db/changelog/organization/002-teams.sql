--liquibase formatted sql

--changeset prometric:organization-002-teams
-- Teams of a workspace (HR, IT, Facilities...): each is the engine group <workspaceId>:team:<code>.
create table org_team (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    code         varchar(30)              not null,
    name         varchar(100)             not null,
    created_at   timestamp with time zone not null,
    version      bigint                   not null default 0,
    constraint uq_org_team_code unique (workspace_id, code),
    constraint ck_org_team_code check (code ~ '^[a-z][a-z0-9-]{1,29}$')
);

-- a member of a team is a member of the team's workspace (ended with the membership)
create table org_team_member (
    id           uuid                     not null primary key,
    team_id      uuid                     not null references org_team (id),
    workspace_id uuid                     not null references org_workspace (id),
    user_id      uuid                     not null references idn_user (id),
    added_at     timestamp with time zone not null,
    constraint uq_org_team_member unique (team_id, user_id)
);
create index ix_org_team_member_user on org_team_member (user_id);
create index ix_org_team_member_workspace_user on org_team_member (workspace_id, user_id);
