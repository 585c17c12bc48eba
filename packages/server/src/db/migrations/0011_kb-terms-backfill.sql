-- Copies the old one-row-per-(term, chunk) BM25 index into kb_chunks.terms/term_tfs and the
-- document frequencies into kb_terms; the next migration drops kb_postings.
UPDATE "kb_chunks" c
SET "terms" = p."terms", "term_tfs" = p."tfs"
FROM (
	SELECT "chunk_id", array_agg("term" ORDER BY "term") AS "terms", array_agg("tf" ORDER BY "term") AS "tfs"
	FROM "kb_postings"
	GROUP BY "chunk_id"
) p
WHERE c."id" = p."chunk_id";--> statement-breakpoint
INSERT INTO "kb_terms" ("kb_id", "term", "df")
SELECT "kb_id", "term", count(*)::integer FROM "kb_postings" GROUP BY "kb_id", "term";
