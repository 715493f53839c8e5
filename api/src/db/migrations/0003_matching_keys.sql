-- Index shapes that row-level security can use. Under RLS a filter calling a
-- non-leakproof function (upper, regexp_replace; enum equality) cannot bound an
-- index scan: invoice and PO matching keys become stored columns, and the
-- thread look-up's unique index puts the thread id before the provider enum.
DROP INDEX IF EXISTS "threads_org_provider_thread_uq";--> statement-breakpoint
DROP INDEX IF EXISTS "invoices_org_number_key_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "invoices_org_po_key_idx";--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN IF NOT EXISTS "number_key" text GENERATED ALWAYS AS (upper(regexp_replace(number, '[^A-Za-z0-9]', '', 'g'))) STORED;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN IF NOT EXISTS "po_key" text GENERATED ALWAYS AS (upper(regexp_replace(po_number, '[^A-Za-z0-9]', '', 'g'))) STORED;--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "threads_org_thread_provider_uq" ON "threads" USING btree ("org_id","provider_thread_id","provider");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "invoices_org_number_key_idx" ON "invoices" USING btree ("org_id","number_key");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "invoices_org_po_key_idx" ON "invoices" USING btree ("org_id","po_key");