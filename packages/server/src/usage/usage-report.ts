import type { UsageDay, UsageFigures, UsageGroup, UsageReport } from '@qiao/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db';

/** Groups shown per table: enough for a team's models and people, bounded for a big install. */
const groupLimit = 50;

/**
 * The request log of the last `days` days (today included, days starting at midnight in
 * `timeZone`), summed per day, per model and per user; only `userId`'s requests when given.
 * Each figure is one aggregate query over the `created_at` index; percentiles are computed by
 * the database, not from a sample.
 */
export async function usageReport(
  db: Db,
  { days, timeZone, userId }: { days: number; timeZone: string; userId?: string },
): Promise<UsageReport> {
  // the range's first local midnight, as a point in time
  const since = sql`((date_trunc('day', now() at time zone ${timeZone}) - make_interval(days => ${days - 1}::int)) at time zone ${timeZone})`;
  const inRange =
    userId === undefined
      ? sql`r.created_at >= ${since}`
      : sql`r.created_at >= ${since} and r.user_id = ${userId}`;
  const [perDay, perModel, perUser, totals] = await Promise.all([
    rows(
      db,
      sql`with range_days as (
        select generate_series(0, ${days - 1}::int) as n
      ), logged as (
        select r.*, (r.created_at at time zone ${timeZone})::date as local_day from request_log r where ${inRange}
      )
      select to_char((now() at time zone ${timeZone})::date - (${days - 1}::int - d.n), 'YYYY-MM-DD') as key,
        ${figures('r')}
      from range_days d
      left join logged r on r.local_day = (now() at time zone ${timeZone})::date - (${days - 1}::int - d.n)
      group by d.n order by d.n`,
    ),
    rows(
      db,
      sql`select coalesce(r.model, r.requested_model) as key, ${figures('r')}
      from request_log r where ${inRange}
      group by 1 order by count(*) desc, 1 limit ${groupLimit}`,
    ),
    rows(
      db,
      sql`select coalesce(r.user_id, '') as key, min(u.username) as label, ${figures('r')}
      from request_log r left join users u on u.id = r.user_id where ${inRange}
      group by 1 order by count(*) desc, 1 limit ${groupLimit}`,
    ),
    rows(db, sql`select '' as key, ${figures('r')} from request_log r where ${inRange}`),
  ]);
  return {
    timeZone,
    days: perDay.map(({ key, ...f }): UsageDay => ({ day: key, ...f })),
    totals: withoutKey(totals[0]!),
    models: perModel.map((g): UsageGroup => ({ ...g, label: g.label ?? g.key })),
    users: perUser.map((g): UsageGroup => ({ ...g, label: g.label ?? '' })),
  };
}

function figures(alias: string): SQL {
  const r = sql.raw(alias);
  return sql`count(${r}.id)::int as requests,
    count(${r}.id) filter (where ${r}.status = 'error')::int as errors,
    coalesce(sum(${r}.input_tokens), 0)::float8 as input_tokens,
    coalesce(sum(${r}.output_tokens), 0)::float8 as output_tokens,
    coalesce(sum(${r}.cost_usd), 0)::float8 as cost_usd,
    percentile_cont(0.5) within group (order by ${r}.latency_ms) as latency_p50,
    percentile_cont(0.95) within group (order by ${r}.latency_ms) as latency_p95,
    percentile_cont(0.5) within group (order by ${r}.ttft_ms) as ttft_p50`;
}

interface Row extends UsageFigures {
  key: string;
  label?: string;
}

async function rows(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return result.rows.map((row) => ({
    key: String(row.key ?? ''),
    ...(row.label === undefined ? {} : { label: row.label === null ? undefined : String(row.label) }),
    requests: Number(row.requests),
    errors: Number(row.errors),
    inputTokens: Number(row.input_tokens),
    outputTokens: Number(row.output_tokens),
    costUsd: Number(row.cost_usd),
    latencyP50Ms: num(row.latency_p50),
    latencyP95Ms: num(row.latency_p95),
    ttftP50Ms: num(row.ttft_p50),
  }));
}

function withoutKey({ key: _key, label: _label, ...figures }: Row): UsageFigures {
  return figures;
}
