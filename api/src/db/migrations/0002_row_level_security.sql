-- Tenant isolation inside PostgreSQL, beside the query scoping in the services.
-- Every unit of work of a request runs in a transaction that switches to the
-- payside_app role (not the owner, no BYPASSRLS) and sets app.org_id for that
-- transaction only. Without app.org_id, policies match nothing.
DO $$
BEGIN
  -- Roles are cluster-wide: several databases may be migrated at once, so a race is tolerated.
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'payside_app') THEN
    BEGIN
      CREATE ROLE payside_app NOLOGIN NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  -- The migrating role may switch to payside_app (SET LOCAL ROLE) for each unit of work.
  IF NOT pg_has_role(current_user, 'payside_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT payside_app TO %I', current_user);
    EXCEPTION WHEN OTHERS THEN
      IF NOT pg_has_role(current_user, 'payside_app', 'MEMBER') THEN RAISE; END IF;
    END;
  END IF;
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO payside_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO payside_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO payside_app;--> statement-breakpoint
CREATE OR REPLACE FUNCTION payside_current_org() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;--> statement-breakpoint
DO $$
DECLARE
  t text;
  tenant_tables text[] := ARRAY['users', 'api_tokens', 'customers', 'customer_domains', 'contacts', 'invoices', 'payments',
    'payment_allocations', 'credit_notes', 'disputes', 'dispute_invoices', 'promises', 'holds', 'threads', 'messages', 'notes', 'audit_log'];
BEGIN
  FOREACH t IN ARRAY tenant_tables LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO payside_app USING (org_id = payside_current_org()) WITH CHECK (org_id = payside_current_org())', t);
    -- FORCE subjects the owner to RLS too; its access (migrations, CLI, auth look-ups) is an explicit policy.
    EXECUTE format('CREATE POLICY owner_access ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
  ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
  ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
  CREATE POLICY tenant_isolation ON organizations TO payside_app USING (id = payside_current_org()) WITH CHECK (id = payside_current_org());
  EXECUTE format('CREATE POLICY owner_access ON organizations TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
