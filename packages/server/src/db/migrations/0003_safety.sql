CREATE TABLE "moderation_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"action" text NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderation_terms" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"category_id" text NOT NULL,
	"term" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_events" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"category" text,
	"action" text NOT NULL,
	"detail" jsonb,
	"user_id" text,
	"api_key_id" text,
	"source" text,
	"model" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "moderation_terms" ADD CONSTRAINT "moderation_terms_category_id_moderation_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."moderation_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "moderation_terms_category_term_idx" ON "moderation_terms" USING btree ("category_id","term");--> statement-breakpoint
CREATE INDEX "safety_events_created_idx" ON "safety_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "safety_events_kind_category_idx" ON "safety_events" USING btree ("kind","category");