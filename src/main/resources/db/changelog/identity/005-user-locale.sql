--liquibase formatted sql

--changeset prometric:identity-005-user-locale
-- The language a user chose for the web UI and mails (ru, kk or en); none means the browser's.
alter table idn_user add column locale varchar(5);
alter table idn_user add constraint ck_idn_user_locale check (locale in ('ru', 'kk', 'en'));
