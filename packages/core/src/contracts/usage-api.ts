import { z } from 'zod';

/** GET /api/admin/usage: the request log summed per day and per model and user. */
export const usageQuery = z.object({
  /** the last N days, today included */
  days: z.coerce.number().int().min(1).max(366).default(30),
  /** an IANA time zone: days start at its midnight (Asia/Shanghai for a team in China) */
  tz: z.string().max(64).refine(isTimeZone, { message: 'not a known IANA time zone' }).default('UTC'),
});
export type UsageQuery = z.infer<typeof usageQuery>;

/** Counts and sums of a set of requests; latencies are medians and 95th percentiles. */
export interface UsageFigures {
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  ttftP50Ms: number | null;
}

export interface UsageDay extends UsageFigures {
  /** YYYY-MM-DD in the asked time zone */
  day: string;
}

export interface UsageGroup extends UsageFigures {
  /** provider/model, or a user id ('' for requests with no user, such as system jobs) */
  key: string;
  label: string;
}

export interface UsageReport {
  timeZone: string;
  /** every day of the range, oldest first, days without requests included as zeros */
  days: UsageDay[];
  totals: UsageFigures;
  /** most requested first */
  models: UsageGroup[];
  users: UsageGroup[];
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
