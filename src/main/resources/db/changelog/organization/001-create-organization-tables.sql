--liquibase formatted sql

--changeset prometric:organization-001-create-organization-tables
create table org_organization (
    id         uuid                     not null primary key,
    name       varchar(255)             not null,
    bin        varchar(12)              not null,
    owner_id   uuid                     not null references idn_user (id),
    active     boolean                  not null default true,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint                   not null default 0,
    constraint uq_org_organization_bin unique (bin),
    constraint ck_org_organization_bin_digits check (bin ~ '^[0-9]{12}$')
);

create table org_workspace (
    id              uuid                     not null primary key,
    name            varchar(255)             not null,
    type            varchar(20)              not null,
    owner_id        uuid                     not null references idn_user (id),
    organization_id uuid references org_organization (id),
    active          boolean                  not null default true,
    created_at      timestamp with time zone not null,
    version         bigint                   not null default 0,
    constraint ck_org_workspace_type check (type in ('PERSONAL', 'COMPANY')),
    constraint ck_org_workspace_company_has_organization
        check ((type = 'COMPANY') = (organization_id is not null))
);
-- one personal workspace per user, one company workspace per organization
create unique index uq_org_workspace_personal on org_workspace (owner_id) where type = 'PERSONAL';
create unique index uq_org_workspace_company on org_workspace (organization_id) where type = 'COMPANY';

create table org_membership (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    user_id      uuid                     not null references idn_user (id),
    role         varchar(20)              not null,
    created_at   timestamp with time zone not null,
    version      bigint                   not null default 0,
    constraint uq_org_membership unique (workspace_id, user_id),
    constraint ck_org_membership_role check (role in ('OWNER', 'ADMIN', 'MANAGER', 'MEMBER'))
);
create index ix_org_membership_user on org_membership (user_id);

create table org_invitation (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references org_workspace (id),
    email        varchar(254)             not null,
    role         varchar(20)              not null,
    invited_by   uuid                     not null references idn_user (id),
    status       varchar(20)              not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    responded_at timestamp with time zone,
    version      bigint                   not null default 0,
    constraint ck_org_invitation_role check (role in ('ADMIN', 'MANAGER', 'MEMBER')),
    constraint ck_org_invitation_status check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED'))
);
create index ix_org_invitation_workspace on org_invitation (workspace_id);
create index ix_org_invitation_email on org_invitation (email) where status = 'PENDING';

create table org_department (
    id              uuid                     not null primary key,
    organization_id uuid                     not null references org_organization (id),
    workspace_id    uuid                     not null references org_workspace (id),
    name            varchar(255)             not null,
    description     varchar(2000),
    created_at      timestamp with time zone not null,
    version         bigint                   not null default 0
);
create unique index uq_org_department_name on org_department (organization_id, lower(name));

create table org_employee (
    id                uuid                     not null primary key,
    organization_id   uuid                     not null references org_organization (id),
    workspace_id      uuid                     not null references org_workspace (id),
    user_id           uuid references idn_user (id),
    name              varchar(255)             not null,
    email             varchar(254)             not null,
    position          varchar(100),
    department_id     uuid references org_department (id),
    organization_role varchar(20)              not null,
    status            varchar(20)              not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint                   not null default 0,
    constraint uq_org_employee_email unique (organization_id, email),
    constraint ck_org_employee_status check (status in ('PENDING', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
    constraint ck_org_employee_role check (organization_role in ('OWNER', 'ADMIN', 'MANAGER', 'MEMBER'))
);
create index ix_org_employee_workspace on org_employee (workspace_id);
create index ix_org_employee_department on org_employee (department_id);
create index ix_org_employee_user on org_employee (user_id);
