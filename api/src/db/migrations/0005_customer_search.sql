-- Customer search ("contains" on names, prefixes of domains and contact emails) through
-- trigram and pattern indexes. Under row-level security a filter calling a non-leakproof function
-- (lower, like) is never an index condition for the tenant role, so every search read the
-- whole organisation's customers and contacts. payside_search_hits runs those look-ups as
-- the owner (SECURITY DEFINER: its policy is USING (true), so the indexes apply) and
-- applies the caller's organisation itself, from app.org_id: it takes no organisation
-- argument, so a tenant can only ever search its own rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_name_trgm_idx" ON "customers" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contacts_name_trgm_idx" ON "contacts" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
-- Prefixes (domains, emails) by btree ranges in any collation.
CREATE INDEX IF NOT EXISTS "contacts_org_email_prefix_idx" ON "contacts" USING btree ("org_id", "email" text_pattern_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customer_domains_org_domain_prefix_idx" ON "customer_domains" USING btree ("org_id", "domain" text_pattern_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_org_ref_lower_idx" ON "customers" USING btree ("org_id", lower("external_ref"));--> statement-breakpoint
-- term: the lower-case query; pattern: '%term%' with LIKE's wildcards escaped. Names contain
-- it (one starting with it ranks first); domains and contact emails start with it, written as
-- a range of the pattern operators so that it bounds the index with the term as a parameter
-- (LIKE 'term%' only does for a constant); ledger references equal it.
CREATE OR REPLACE FUNCTION payside_search_hits(term text, pattern text)
  RETURNS TABLE (customer_id uuid, matched_on text, matched_text text, rank int)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT c.id, 'name', c.name, CASE WHEN starts_with(lower(c.name), term) THEN 1 ELSE 2 END
      FROM customers c WHERE c.org_id = payside_current_org() AND lower(c.name) LIKE pattern
    UNION ALL
    SELECT d.customer_id, 'domain', d.domain, 0
      FROM customer_domains d WHERE d.org_id = payside_current_org() AND d.domain ~>=~ term AND d.domain ~<~ (term || chr(1114111))
    UNION ALL
    SELECT ct.customer_id, 'contact', ct.email, 0
      FROM contacts ct WHERE ct.org_id = payside_current_org() AND ct.email ~>=~ term AND ct.email ~<~ (term || chr(1114111))
    UNION ALL
    SELECT ct.customer_id, 'contact', ct.email, 0
      FROM contacts ct WHERE ct.org_id = payside_current_org() AND lower(ct.name) LIKE pattern
    UNION ALL
    SELECT c.id, 'external_ref', c.external_ref, 0
      FROM customers c WHERE c.org_id = payside_current_org() AND lower(c.external_ref) = term
  $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION payside_search_hits(text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION payside_search_hits(text, text) TO payside_app;
