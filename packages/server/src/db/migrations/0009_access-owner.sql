-- Custom SQL migration file, put your code below! ---- Roles grew from admin|member to owner|admin|member|viewer: the oldest enabled admin becomes
-- the owner, unless an owner exists already.
UPDATE "users" SET "role" = 'owner'
WHERE "id" = (
  SELECT "id" FROM "users" WHERE "role" = 'admin' AND "disabled" = false
  ORDER BY "created_at", "id" LIMIT 1
)
AND NOT EXISTS (SELECT 1 FROM "users" WHERE "role" = 'owner');
