--liquibase formatted sql

--changeset prometric:document-001-document
--comment: files attached to business objects, their versions (content in the document store), the audit of uploads and deletions, and the approval state
create table doc_document (
    id                     uuid                     not null primary key,
    workspace_id           uuid                     not null references org_workspace (id),
    object_type            varchar(32)              not null,
    object_id              uuid                     not null,
    kind                   varchar(32)              not null,
    latest_version         integer                  not null,
    created_by             uuid,
    created_at             timestamp with time zone not null,
    source_key             varchar(100),
    deleted_at             timestamp with time zone,
    deleted_by             uuid,
    approval_state         varchar(16),
    approver_role          varchar(16),
    approval_amount        numeric(19, 2),
    approval_requested_by  uuid,
    approval_requested_at  timestamp with time zone,
    approval_decided_by    uuid,
    approval_decided_at    timestamp with time zone,
    approval_comment       varchar(2000),
    approval_process_id    varchar(64),
    version                bigint                   not null,
    constraint ck_doc_document_object_type check (object_type in ('customer', 'deal', 'order', 'invoice', 'employee', 'production-order')),
    constraint ck_doc_document_approval_state check (approval_state in ('PENDING', 'APPROVED', 'REJECTED')),
    constraint ck_doc_document_latest_version check (latest_version >= 1),
    constraint ck_doc_document_deleted check ((deleted_at is null) = (deleted_by is null))
);
create index ix_doc_document_object on doc_document (workspace_id, object_type, object_id, created_at, id) where deleted_at is null;
create index ix_doc_document_list on doc_document (workspace_id, created_at, id) where deleted_at is null;
-- documents the ERP itself keeps (an issued invoice's PDF): at most one per source, whatever retries or races
create unique index uq_doc_document_source on doc_document (workspace_id, source_key) where source_key is not null;

create table doc_document_version (
    id                     uuid                     not null primary key,
    workspace_id           uuid                     not null,
    document_id            uuid                     not null references doc_document (id),
    version                integer                  not null,
    file_name              varchar(255)             not null,
    content_type           varchar(100)             not null,
    size_bytes             bigint                   not null,
    sha256                 varchar(64)                 not null,
    storage_key            varchar(64)              not null,
    uploaded_by            uuid,
    uploaded_at            timestamp with time zone not null,
    constraint uq_doc_document_version unique (document_id, version),
    constraint uq_doc_document_version_storage unique (storage_key),
    constraint ck_doc_document_version_size check (size_bytes > 0)
);

create table doc_document_audit (
    id                     uuid                     not null primary key,
    workspace_id           uuid                     not null,
    document_id            uuid                     not null references doc_document (id),
    action                 varchar(32)              not null,
    document_version       integer,
    actor_id               uuid,
    occurred_at            timestamp with time zone not null,
    detail                 varchar(500),
    constraint ck_doc_document_audit_action check (action in ('UPLOADED', 'VERSION_ADDED', 'DELETED', 'APPROVAL_REQUESTED', 'APPROVED', 'REJECTED', 'KEPT'))
);
create index ix_doc_document_audit_document on doc_document_audit (document_id, occurred_at, id);
