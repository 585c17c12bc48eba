ALTER TABLE "knowledge_bases" ADD COLUMN "index_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_bases" ADD COLUMN "reindex_done" integer;--> statement-breakpoint
ALTER TABLE "knowledge_bases" ADD COLUMN "reindex_total" integer;--> statement-breakpoint
ALTER TABLE "kb_documents" ADD COLUMN "index_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_documents" ADD COLUMN "reindex_next" integer DEFAULT 0 NOT NULL;
