ALTER TABLE "organizations" ADD COLUMN "entra_tenant_id" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_entra_tenant_id_unique" UNIQUE("entra_tenant_id");