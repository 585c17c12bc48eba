-- Builds the BM25 posting blocks of the chunks indexed before 0014: blocks of 64 consecutive
-- chunk indexes per document, impacts with each knowledge base's current average length.
INSERT INTO "kb_posting_blocks" ("document_id", "first_index", "last_index", "term", "kb_id", "chunk_indexes", "tfs", "impacts", "max_impact")
SELECT c."document_id", (c."index" / 64) * 64, (c."index" / 64) * 64 + 63, u."term", c."kb_id",
	array_agg(c."index" ORDER BY c."index"), array_agg(u."tf" ORDER BY c."index"),
	array_agg(i."impact" ORDER BY c."index"), max(i."impact")
FROM "kb_chunks" c
JOIN "kb_stats" s ON s."kb_id" = c."kb_id"
CROSS JOIN LATERAL unnest(c."terms", c."term_tfs") AS u("term", "tf")
CROSS JOIN LATERAL (
	SELECT (u."tf" * 2.2 / (u."tf" + 1.2 * (0.25 + 0.75 * c."term_count"
		/ greatest(s."term_total"::float8 / greatest(s."chunk_count", 1), 1))))::real AS "impact"
) i
GROUP BY c."document_id", c."kb_id", c."index" / 64, u."term";
