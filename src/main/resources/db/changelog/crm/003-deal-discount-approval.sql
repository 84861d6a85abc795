--liquibase formatted sql

--changeset prometric:crm-003-deal-discount-approval
-- a manager's approval of a deal's discount, recorded on the deal: who, when, and for
-- which lines and value (a SHA-256 fingerprint of them; any change needs a new approval)
alter table crm_deal add column discount_approved_by uuid references idn_user (id);
alter table crm_deal add column discount_approved_at timestamp with time zone;
alter table crm_deal add column discount_approved_percent numeric(5, 2);
alter table crm_deal add column discount_approved_value numeric(19, 2);
alter table crm_deal add column discount_approval_fingerprint varchar(64);
alter table crm_deal add constraint ck_crm_deal_discount_approval
    check ((discount_approval_fingerprint is null) = (discount_approved_by is null));
