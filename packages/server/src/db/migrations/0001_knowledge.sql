CREATE TABLE "kb_bindings" (
	"conversation_id" text NOT NULL,
	"kb_id" text NOT NULL,
	CONSTRAINT "kb_bindings_conversation_id_kb_id_pk" PRIMARY KEY("conversation_id","kb_id")
);
--> statement-breakpoint
CREATE TABLE "kb_chunks" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"kb_id" text NOT NULL,
	"document_id" text NOT NULL,
	"index" integer NOT NULL,
	"text" text NOT NULL,
	"heading_path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"page" integer,
	"char_count" integer NOT NULL,
	"token_count" integer NOT NULL,
	"term_count" integer NOT NULL,
	"edited_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kb_documents" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"kb_id" text NOT NULL,
	"name" text NOT NULL,
	"content_hash" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"mime_type" text,
	"format" text,
	"title" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"error" text,
	"progress" real DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"page_count" integer,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"source_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_members" (
	"kb_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_members_kb_id_user_id_pk" PRIMARY KEY("kb_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "kb_postings" (
	"kb_id" text NOT NULL,
	"term" text NOT NULL,
	"chunk_id" text NOT NULL,
	"tf" integer NOT NULL,
	CONSTRAINT "kb_postings_kb_id_term_chunk_id_pk" PRIMARY KEY("kb_id","term","chunk_id")
);
--> statement-breakpoint
CREATE TABLE "kb_stats" (
	"kb_id" text PRIMARY KEY NOT NULL,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"term_total" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_bases" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"owner_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"settings" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kb_bindings" ADD CONSTRAINT "kb_bindings_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_bindings" ADD CONSTRAINT "kb_bindings_kb_id_knowledge_bases_id_fk" FOREIGN KEY ("kb_id") REFERENCES "public"."knowledge_bases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_chunks" ADD CONSTRAINT "kb_chunks_kb_id_knowledge_bases_id_fk" FOREIGN KEY ("kb_id") REFERENCES "public"."knowledge_bases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_chunks" ADD CONSTRAINT "kb_chunks_document_id_kb_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."kb_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_documents" ADD CONSTRAINT "kb_documents_kb_id_knowledge_bases_id_fk" FOREIGN KEY ("kb_id") REFERENCES "public"."knowledge_bases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_members" ADD CONSTRAINT "kb_members_kb_id_knowledge_bases_id_fk" FOREIGN KEY ("kb_id") REFERENCES "public"."knowledge_bases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_members" ADD CONSTRAINT "kb_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_postings" ADD CONSTRAINT "kb_postings_chunk_id_kb_chunks_id_fk" FOREIGN KEY ("chunk_id") REFERENCES "public"."kb_chunks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_stats" ADD CONSTRAINT "kb_stats_kb_id_knowledge_bases_id_fk" FOREIGN KEY ("kb_id") REFERENCES "public"."knowledge_bases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_bases" ADD CONSTRAINT "knowledge_bases_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_bindings_kb_idx" ON "kb_bindings" USING btree ("kb_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_chunks_document_index_idx" ON "kb_chunks" USING btree ("document_id","index");--> statement-breakpoint
CREATE INDEX "kb_chunks_kb_idx" ON "kb_chunks" USING btree ("kb_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_documents_hash_idx" ON "kb_documents" USING btree ("kb_id","content_hash");--> statement-breakpoint
CREATE INDEX "kb_documents_status_idx" ON "kb_documents" USING btree ("status");--> statement-breakpoint
CREATE INDEX "kb_members_user_idx" ON "kb_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "kb_postings_chunk_idx" ON "kb_postings" USING btree ("chunk_id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_bases_owner_name_idx" ON "knowledge_bases" USING btree ("owner_id","name");