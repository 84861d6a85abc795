--liquibase formatted sql

--changeset prometric:crm-004-deal-change-record
-- the ERP's own record of who changed a deal, when, and how (from, to): written in the
-- transaction that changes the deal and kept as long as the deal (the engine's history
-- has a time to live; this does not)
create table crm_deal_change (
    id           uuid                     not null primary key,
    deal_id      uuid                     not null references crm_deal (id) on delete cascade,
    workspace_id uuid                     not null references org_workspace (id),
    changed_at   timestamp with time zone not null,
    by_user_id   uuid references idn_user (id),
    kind         varchar(32)              not null,
    from_value   varchar(2000),
    to_value     varchar(2000),
    constraint ck_crm_deal_change_kind check (kind in ('CREATED', 'STAGE_CHANGED', 'WON', 'LOST', 'VALUE_CHANGED',
        'PRODUCTS_CHANGED', 'ASSIGNED', 'TITLE_CHANGED', 'DESCRIPTION_CHANGED', 'CLOSE_DATE_CHANGED',
        'PROBABILITY_CHANGED', 'DISCOUNT_APPROVED'))
);
create index idx_crm_deal_change_deal on crm_deal_change (deal_id, changed_at);
