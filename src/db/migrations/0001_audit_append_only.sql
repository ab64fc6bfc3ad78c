-- Audit log is append-only: reject UPDATE, DELETE and TRUNCATE (PostgreSQL 15 compatible; also runs on PGlite).
-- Tampering can only happen by a superuser/owner disabling the trigger; verifyAuditChain then detects it.
CREATE OR REPLACE FUNCTION audit_log_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Nhật ký kiểm toán chỉ được ghi thêm, không được sửa hoặc xóa (audit_log là append-only)'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
