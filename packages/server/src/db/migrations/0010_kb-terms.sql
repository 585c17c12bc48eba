CREATE TABLE "kb_terms" (
	"kb_id" text NOT NULL,
	"term" text NOT NULL,
	"df" integer NOT NULL,
	CONSTRAINT "kb_terms_kb_id_term_pk" PRIMARY KEY("kb_id","term")
);
--> statement-breakpoint
ALTER TABLE "kb_chunks" ADD COLUMN "terms" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_chunks" ADD COLUMN "term_tfs" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_terms" ADD CONSTRAINT "kb_terms_kb_id_knowledge_bases_id_fk" FOREIGN KEY ("kb_id") REFERENCES "public"."knowledge_bases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_chunks_terms_idx" ON "kb_chunks" USING gin ("terms");