ALTER TABLE "kb_documents" ADD COLUMN "text_hash" text;--> statement-breakpoint
CREATE INDEX "kb_documents_text_hash_idx" ON "kb_documents" USING btree ("kb_id","text_hash");