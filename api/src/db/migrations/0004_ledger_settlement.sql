-- Settlement state kept beside the ledger, so a panel reads a customer's open and
-- recently paid invoices instead of its whole history: invoices.paid_on (the day
-- settlements first covered the amount) and payments.allocated_amount, kept
-- current by statement-level triggers on every table that moves them. A
-- customer's invoices and payments are read index-only, from covering indexes.
DROP INDEX "credit_notes_org_customer_idx";--> statement-breakpoint
DROP INDEX "invoices_org_customer_idx";--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "paid_on" date;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "allocated_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "payments_org_customer_unallocated_idx" ON "payments" USING btree ("org_id","customer_id") WHERE allocated_amount < amount;--> statement-breakpoint
CREATE INDEX "credit_notes_org_customer_idx" ON "credit_notes" USING btree ("org_id","customer_id","invoice_id");--> statement-breakpoint
CREATE INDEX "invoices_org_customer_idx" ON "invoices" USING btree ("org_id","customer_id","paid_on") INCLUDE ("id","number","issue_date","due_date","amount","currency","status","po_number");--> statement-breakpoint
DROP INDEX "payments_org_customer_idx";--> statement-breakpoint
CREATE INDEX "payments_org_customer_idx" ON "payments" USING btree ("org_id","customer_id","received_date") INCLUDE ("id","amount","currency","allocated_amount");--> statement-breakpoint
-- paid_on for a set of invoices: the first day on which the running total of its
-- allocations (dated by their payment) and linked credit notes reaches its amount,
-- the issue date when there is nothing to pay; what computeInvoiceBalances does.
-- An empty set returns before updating: a statement-level trigger fires even for
-- an UPDATE of no rows, and invoices' own trigger would call back here for ever.
CREATE OR REPLACE FUNCTION payside_refresh_paid_on(invoice_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(invoice_ids), 0) = 0 THEN RETURN; END IF;
  WITH ids AS MATERIALIZED (SELECT DISTINCT inv.id, inv.org_id, inv.customer_id FROM unnest(invoice_ids) AS u(id) JOIN invoices inv ON inv.id = u.id),
  settlements AS (
    SELECT pa.invoice_id, p.received_date AS day, pa.amount
      FROM ids JOIN payment_allocations pa ON pa.invoice_id = ids.id JOIN payments p ON p.id = pa.payment_id
    UNION ALL
    SELECT cn.invoice_id, cn.issue_date, cn.amount
      FROM ids JOIN credit_notes cn ON cn.org_id = ids.org_id AND cn.customer_id = ids.customer_id AND cn.invoice_id = ids.id
  ),
  running AS (SELECT invoice_id, day, sum(amount) OVER (PARTITION BY invoice_id ORDER BY day) AS settled FROM settlements),
  computed AS MATERIALIZED (
    SELECT inv.id, CASE WHEN inv.amount <= 0 THEN inv.issue_date ELSE min(r.day) FILTER (WHERE r.settled >= inv.amount) END AS paid_on
      FROM ids JOIN invoices inv ON inv.id = ids.id LEFT JOIN running r ON r.invoice_id = inv.id
     GROUP BY inv.id, inv.amount, inv.issue_date
  )
  UPDATE invoices i SET paid_on = c.paid_on FROM computed c WHERE i.id = c.id AND i.paid_on IS DISTINCT FROM c.paid_on;
END $$;--> statement-breakpoint
-- allocated_amount for a set of payments.
CREATE OR REPLACE FUNCTION payside_refresh_allocated(payment_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(payment_ids), 0) = 0 THEN RETURN; END IF;
  WITH ids AS MATERIALIZED (SELECT DISTINCT u.id FROM unnest(payment_ids) AS u(id) WHERE u.id IS NOT NULL),
  totals AS MATERIALIZED (
    SELECT ids.id, coalesce(sum(pa.amount), 0)::bigint AS total FROM ids LEFT JOIN payment_allocations pa ON pa.payment_id = ids.id GROUP BY ids.id
  )
  UPDATE payments p SET allocated_amount = t.total FROM totals t WHERE p.id = t.id AND p.allocated_amount <> t.total;
END $$;--> statement-breakpoint
-- Derived state only: nobody calls these but the triggers below.
REVOKE ALL ON FUNCTION payside_refresh_paid_on(uuid[]) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION payside_refresh_allocated(uuid[]) FROM PUBLIC;--> statement-breakpoint
-- Transition tables need one trigger per event (and no column list on UPDATE), so
-- each function reads whichever of new_rows / old_rows its event has. They run as
-- the owner (SECURITY DEFINER): they only recompute the rows the statement just
-- changed, which row-level security already admitted, and under the tenant's
-- policies a freshly imported organisation's unanalysed rows made the planner
-- scan the whole organisation per row (a quadratic plan) instead of following keys.
CREATE OR REPLACE FUNCTION payside_allocations_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM payside_refresh_allocated(array(SELECT payment_id FROM new_rows));
    PERFORM payside_refresh_paid_on(array(SELECT invoice_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM payside_refresh_allocated(array(SELECT payment_id FROM old_rows));
    PERFORM payside_refresh_paid_on(array(SELECT invoice_id FROM old_rows));
  ELSE
    PERFORM payside_refresh_allocated(array(SELECT payment_id FROM new_rows UNION SELECT payment_id FROM old_rows));
    PERFORM payside_refresh_paid_on(array(SELECT invoice_id FROM new_rows UNION SELECT invoice_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION payside_credit_notes_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM payside_refresh_paid_on(array(SELECT invoice_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM payside_refresh_paid_on(array(SELECT invoice_id FROM old_rows));
  ELSE
    PERFORM payside_refresh_paid_on(array(
      SELECT n.invoice_id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.invoice_id, n.amount, n.issue_date) IS DISTINCT FROM (o.invoice_id, o.amount, o.issue_date)
      UNION
      SELECT o.invoice_id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.invoice_id, n.amount, n.issue_date) IS DISTINCT FROM (o.invoice_id, o.amount, o.issue_date)));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- A payment's received date dates its allocations.
CREATE OR REPLACE FUNCTION payside_payments_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM payside_refresh_paid_on(array(
    SELECT pa.invoice_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN payment_allocations pa ON pa.payment_id = n.id
     WHERE n.received_date IS DISTINCT FROM o.received_date));
  RETURN NULL;
END $$;--> statement-breakpoint
-- A new invoice has no settlements yet (they reference it), so only one with nothing to pay is paid;
-- a changed amount or issue date can move the paid day.
CREATE OR REPLACE FUNCTION payside_invoices_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM payside_refresh_paid_on(array(SELECT id FROM new_rows WHERE amount <= 0));
  ELSE
    PERFORM payside_refresh_paid_on(array(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.amount, n.issue_date) IS DISTINCT FROM (o.amount, o.issue_date)));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER payment_allocations_inserted AFTER INSERT ON payment_allocations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_allocations_changed();--> statement-breakpoint
CREATE TRIGGER payment_allocations_updated AFTER UPDATE ON payment_allocations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_allocations_changed();--> statement-breakpoint
CREATE TRIGGER payment_allocations_deleted AFTER DELETE ON payment_allocations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_allocations_changed();--> statement-breakpoint
CREATE TRIGGER credit_notes_inserted AFTER INSERT ON credit_notes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_credit_notes_changed();--> statement-breakpoint
CREATE TRIGGER credit_notes_updated AFTER UPDATE ON credit_notes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_credit_notes_changed();--> statement-breakpoint
CREATE TRIGGER credit_notes_deleted AFTER DELETE ON credit_notes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_credit_notes_changed();--> statement-breakpoint
CREATE TRIGGER payments_updated AFTER UPDATE ON payments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_payments_changed();--> statement-breakpoint
CREATE TRIGGER invoices_inserted AFTER INSERT ON invoices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_invoices_changed();--> statement-breakpoint
CREATE TRIGGER invoices_updated AFTER UPDATE ON invoices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_invoices_changed();--> statement-breakpoint
-- Existing ledgers.
UPDATE payments p SET allocated_amount = t.total FROM (SELECT payment_id, sum(amount)::bigint AS total FROM payment_allocations GROUP BY payment_id) t WHERE p.id = t.payment_id;--> statement-breakpoint
SELECT payside_refresh_paid_on(array(SELECT id FROM invoices));
