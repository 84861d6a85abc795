--liquibase formatted sql

--changeset prometric:hr-001-hr-owns-employees
--comment: the hr module owns departments and employees; their tables take its prefix
alter table org_department rename to hr_department;
alter table org_employee rename to hr_employee;
alter index uq_org_department_name rename to uq_hr_department_name;
alter table hr_employee rename constraint uq_org_employee_email to uq_hr_employee_email;
alter index ix_org_employee_workspace rename to ix_hr_employee_workspace;
alter index ix_org_employee_department rename to ix_hr_employee_department;
