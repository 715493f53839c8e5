-- The ledger invariants as a backstop under every door (sync, CSV import, seed, any
-- future one): an invoice's allocations and credit notes never exceed its amount, a
-- payment's allocations never exceed the payment. The services refuse such records
-- first, naming the item; these statement-level triggers raise check_violation (23514,
-- mapped to 422) for whatever gets past them. Deleting settlements can only help, so
-- only inserts and updates are checked.
-- Invoices whose settlements exceed their amount, within the writing transaction. Two
-- concurrent transactions are kept apart by the services, which lock the invoice rows before
-- checking (invoice-settlements.ts); locking here too cost a bulk load a quarter of its time.
CREATE OR REPLACE FUNCTION payside_check_invoice_settlements(invoice_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  IF coalesce(cardinality(invoice_ids), 0) = 0 THEN RETURN; END IF;
  WITH ids AS MATERIALIZED (SELECT DISTINCT inv.id, inv.org_id, inv.customer_id FROM unnest(invoice_ids) AS u(id) JOIN invoices inv ON inv.id = u.id),
  settled AS (
    SELECT s.invoice_id, sum(s.amount) AS total FROM (
      SELECT pa.invoice_id, pa.amount FROM ids JOIN payment_allocations pa ON pa.invoice_id = ids.id
      UNION ALL
      SELECT cn.invoice_id, cn.amount FROM ids JOIN credit_notes cn ON cn.org_id = ids.org_id AND cn.customer_id = ids.customer_id AND cn.invoice_id = ids.id
    ) s GROUP BY s.invoice_id
  )
  SELECT inv.number, inv.amount, st.total AS settled INTO bad
    FROM settled st JOIN invoices inv ON inv.id = st.invoice_id
   WHERE st.total > greatest(inv.amount, 0)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'invoice %: allocations and credit notes (% minor units) exceed its amount (% minor units)', bad.number, bad.settled, bad.amount
      USING ERRCODE = 'check_violation';
  END IF;
END $$;--> statement-breakpoint
-- Payments whose allocations exceed their amount.
CREATE OR REPLACE FUNCTION payside_check_payment_allocations(payment_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  IF coalesce(cardinality(payment_ids), 0) = 0 THEN RETURN; END IF;
  WITH ids AS MATERIALIZED (SELECT DISTINCT u.id FROM unnest(payment_ids) AS u(id)),
  totals AS (SELECT pa.payment_id, sum(pa.amount) AS total FROM ids JOIN payment_allocations pa ON pa.payment_id = ids.id GROUP BY pa.payment_id)
  SELECT p.external_ref, p.amount, t.total INTO bad
    FROM totals t JOIN payments p ON p.id = t.payment_id
   WHERE t.total > p.amount
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'payment %: allocations (% minor units) exceed its amount (% minor units)', coalesce(bad.external_ref, '(no reference)'), bad.total, bad.amount
      USING ERRCODE = 'check_violation';
  END IF;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION payside_check_invoice_settlements(uuid[]) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION payside_check_payment_allocations(uuid[]) FROM PUBLIC;--> statement-breakpoint
-- SECURITY DEFINER for the reason 0004 gives: they read only the rows the statement changed.
CREATE OR REPLACE FUNCTION payside_allocations_checked() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM payside_check_invoice_settlements(array(SELECT DISTINCT invoice_id FROM new_rows));
  PERFORM payside_check_payment_allocations(array(SELECT DISTINCT payment_id FROM new_rows));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION payside_credit_notes_checked() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM payside_check_invoice_settlements(array(SELECT DISTINCT invoice_id FROM new_rows WHERE invoice_id IS NOT NULL));
  RETURN NULL;
END $$;--> statement-breakpoint
-- A lower amount can leave an invoice over-settled or a payment over-allocated.
CREATE OR REPLACE FUNCTION payside_invoices_checked() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM payside_check_invoice_settlements(array(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.amount < o.amount));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION payside_payments_checked() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM payside_check_payment_allocations(array(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.amount < o.amount));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER payment_allocations_inserted_check AFTER INSERT ON payment_allocations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_allocations_checked();--> statement-breakpoint
CREATE TRIGGER payment_allocations_updated_check AFTER UPDATE ON payment_allocations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_allocations_checked();--> statement-breakpoint
CREATE TRIGGER credit_notes_inserted_check AFTER INSERT ON credit_notes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_credit_notes_checked();--> statement-breakpoint
CREATE TRIGGER credit_notes_updated_check AFTER UPDATE ON credit_notes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_credit_notes_checked();--> statement-breakpoint
CREATE TRIGGER invoices_updated_check AFTER UPDATE ON invoices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_invoices_checked();--> statement-breakpoint
CREATE TRIGGER payments_updated_check AFTER UPDATE ON payments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payside_payments_checked();
