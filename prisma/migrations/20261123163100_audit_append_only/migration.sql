-- Audit events are append-only (DESIGN.md, issue "Sign-in, roles, organisations and the editors' workspace"):
-- the database itself refuses UPDATE, DELETE and TRUNCATE on audit_events, whatever the application does.
--
-- Written by hand: a trigger is outside what schema.prisma can describe, so this is Prisma's documented
-- "customize a migration" case. It adds no table, column or index, so tests/integration/migrations.test.ts (the
-- migrations give exactly what schema.prisma describes) still holds, and it checks that these triggers exist.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_events_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
