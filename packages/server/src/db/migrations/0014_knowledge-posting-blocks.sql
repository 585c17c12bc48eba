CREATE TABLE "kb_posting_blocks" (
	"document_id" text NOT NULL,
	"first_index" integer NOT NULL,
	"last_index" integer NOT NULL,
	"term" text NOT NULL,
	"kb_id" text NOT NULL,
	"chunk_indexes" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"tfs" integer[] NOT NULL,
	"impacts" real[] NOT NULL,
	"max_impact" real NOT NULL,
	CONSTRAINT "kb_posting_blocks_document_id_first_index_term_pk" PRIMARY KEY("document_id","first_index","term")
);
--> statement-breakpoint
DROP INDEX "kb_chunks_terms_idx";--> statement-breakpoint
ALTER TABLE "kb_posting_blocks" ADD CONSTRAINT "kb_posting_blocks_document_id_kb_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."kb_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_posting_blocks_term_idx" ON "kb_posting_blocks" USING btree ("kb_id","term","max_impact" DESC NULLS LAST);