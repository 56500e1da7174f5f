-- The audit log records every change staff and administrators make, not only changes to people:
-- campaigns, handover points, retention runs, letters withdrawn by staff. Each entry keeps the
-- arguments of its sentence (kind-tagged, so names and roles are written in the reader's language)
-- beside the plain detail it always had. Filters read by person, kind and date.
ALTER TABLE audit_log ADD COLUMN kind varchar(20) NOT NULL DEFAULT 'PERSON';
ALTER TABLE audit_log ADD COLUMN args text;
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);
CREATE INDEX audit_log_kind_idx ON audit_log (kind, at DESC);
