--liquibase formatted sql

--changeset prometric:organization-003-invitation-token
-- The secret of the invitation link (/invitations/{token}): minted when the mail is sent, only its
-- SHA-256 hash is kept. Holding it proves that its holder reads the invited mailbox.
alter table org_invitation add column token_hash varchar(64);
alter table org_invitation add constraint uq_org_invitation_token unique (token_hash);
