import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '@qiao/core';
import { z } from 'zod';
import type { ParseLimits } from './knowledge/parse/parse-limits';

/**
 * The only module that reads process.env. Everything else receives a `Config` value, so
 * tests can build one from a plain object and nothing hides in mutable globals.
 */

/** Built-in provider ids and the environment prefix of their key / base URL. */
export const providerEnv = {
  openai: 'OPENAI',
  anthropic: 'ANTHROPIC',
  deepseek: 'DEEPSEEK',
  qwen: 'DASHSCOPE',
  zhipu: 'ZHIPU',
  moonshot: 'MOONSHOT',
  doubao: 'ARK',
  qianfan: 'QIANFAN',
  spark: 'SPARK',
  hunyuan: 'HUNYUAN',
  minimax: 'MINIMAX',
  siliconflow: 'SILICONFLOW',
  ollama: 'OLLAMA',
} as const;

export type BuiltinProviderId = keyof typeof providerEnv;

const url = z.url({ protocol: /^https?$/ });

const customProvider = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'provider ids are lowercase letters, digits and dashes'),
  kind: z.enum(['openai-compatible', 'anthropic']).default('openai-compatible'),
  baseUrl: url,
  apiKey: z.string().optional(),
  /** static model list for endpoints without /models */
  models: z.array(z.string()).optional(),
});

const jsonFromString = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** true: the server gets the personal data behind placeholders in its tools' arguments */
const trustPersonalData = z.boolean().optional();
const mcpServer = z.union([
  z.object({
    command: z.string().min(1),
    args: z.array(z.string()).default([]),
    env: z.record(z.string(), z.string()).optional(),
    trustPersonalData,
  }),
  z.object({ url, headers: z.record(z.string(), z.string()).optional(), trustPersonalData }),
]);

export type McpServerConfig = z.infer<typeof mcpServer>;

export interface ToolsConfig {
  timeZone: string;
  maxSteps: number;
  timeoutMs: number;
  trustedHosts: string[];
  openMeteoUrl: string;
  geocodingUrl: string;
  search?: { provider: 'searxng' | 'tavily' | 'bing' | 'bocha'; url?: string; apiKey?: string };
  mcpServers: Record<string, McpServerConfig>;
  noToolModels: string[];
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  QIAO_DATA_DIR: z.string().min(1).default('./.qiao'),
  QIAO_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  QIAO_LOCAL_MODEL: z.string().min(1).optional(),
  QIAO_DEFAULT_MODEL: z.string().min(1).optional(),
  /** {"alias": "provider/model"} or {"alias": ["provider/a", "provider/b"]} (a fallback chain) */
  QIAO_MODEL_ALIASES: jsonFromString(
    z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])),
  ).optional(),
  /** extra OpenAI-compatible or Anthropic-protocol endpoints (vLLM, LM Studio, Xinference...) */
  QIAO_PROVIDERS: jsonFromString(z.array(customProvider)).optional(),
  QIAO_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  QIAO_FIRST_TOKEN_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  QIAO_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** requests per minute per user and per API key (a key's own rateLimit overrides the latter) */
  QIAO_RATE_LIMIT_USER: z.coerce.number().int().positive().default(1200),
  QIAO_RATE_LIMIT_KEY: z.coerce.number().int().positive().default(1200),
  QIAO_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  QIAO_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  QIAO_HF_ENDPOINT: url.default('https://huggingface.co'),
  QIAO_LOCAL_THREADS: z.coerce.number().int().positive().optional(),
  QIAO_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** tools (docs/tools.md): time zone of current_time and of the date note */
  QIAO_TIME_ZONE: z.string().min(1).default('Asia/Shanghai'),
  QIAO_TOOL_MAX_STEPS: z.coerce.number().int().min(1).max(20).default(5),
  QIAO_TOOL_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** comma-separated hosts tools may fetch although they resolve to private addresses */
  QIAO_TOOL_TRUSTED_HOSTS: z.string().optional(),
  QIAO_OPEN_METEO_URL: url.default('https://api.open-meteo.com'),
  QIAO_OPEN_METEO_GEOCODING_URL: url.default('https://geocoding-api.open-meteo.com'),
  QIAO_SEARCH_PROVIDER: z.enum(['searxng', 'tavily', 'bing', 'bocha']).optional(),
  QIAO_SEARCH_URL: url.optional(),
  QIAO_SEARCH_API_KEY: z.string().optional(),
  /** {"name": {"command": "node", "args": [...]}} or {"name": {"url": "http://.../mcp"}} */
  QIAO_MCP_SERVERS: jsonFromString(z.record(z.string().regex(/^[a-z0-9_-]+$/i), mcpServer)).optional(),
  /** comma-separated model ids without tool calling (they get the intent classifier instead) */
  QIAO_NO_TOOL_MODELS: z.string().optional(),
  /** an OpenAI-compatible /moderations service (…/v1) that agents may turn on (docs/safety.md) */
  QIAO_MODERATION_URL: url.optional(),
  QIAO_MODERATION_API_KEY: z.string().optional(),
  QIAO_MODERATION_MODEL: z.string().optional(),
  /** uploaded documents are parsed in a child process with these budgets (docs/knowledge-ingestion.md) */
  QIAO_PARSE_MAX_MEMORY_MB: z.coerce.number().int().min(32).default(1024),
  QIAO_PARSE_TIMEOUT_MS: z.coerce.number().int().positive().default(300_000),
  QIAO_PARSE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  QIAO_PARSE_MAX_ENTRY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  QIAO_PARSE_MAX_INFLATED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  QIAO_PARSE_MAX_CELLS: z.coerce.number().int().positive().default(1_000_000),
  QIAO_PARSE_MAX_TEXT_CHARS: z.coerce.number().int().positive().default(20_000_000),
});

export interface ProviderEnv {
  apiKey?: string;
  baseUrl?: string;
}

export type CustomProviderConfig = z.infer<typeof customProvider>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  secret: string;
  databaseUrl?: string;
  redisUrl?: string;
  localModel?: string;
  defaultModel?: string;
  aliases: Record<string, string[]>;
  providers: Partial<Record<BuiltinProviderId, ProviderEnv>>;
  customProviders: CustomProviderConfig[];
  requestTimeoutMs: number;
  firstTokenTimeoutMs: number;
  maxRetries: number;
  maxBodyBytes: number;
  /** requests per minute (docs/access-control.md) */
  rateLimitUser: number;
  rateLimitKey: number;
  /** the largest file POST /api/files and /api/transcriptions accept */
  maxUploadBytes: number;
  hfEndpoint: string;
  localThreads?: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  tools: ToolsConfig;
  /** external moderation service, used by agents whose safety policy turns it on */
  moderation?: { baseUrl: string; apiKey?: string; model?: string };
  /** budgets of the child process that parses uploaded documents */
  parse: ParseLimits;
}

export type Env = Record<string, string | undefined>;

/**
 * The environment a helper process (tesseract) starts with: ours, which it needs for PATH and
 * locale, with `extra` on top. Read here because this is the one module that reads process.env.
 */
export function childProcessEnv(extra: Env): Env {
  return { ...process.env, ...extra };
}

/** Parses and validates; throws an AppError whose message is one readable line. */
export function loadConfig(env: Env = process.env, options: { ensureSecret?: boolean } = {}): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new AppError('validation_failed', `Invalid configuration: ${name} ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.QIAO_DATA_DIR);

  const providers: Config['providers'] = {};
  for (const [id, prefix] of Object.entries(providerEnv) as [BuiltinProviderId, string][]) {
    const apiKey = cleaned[`${prefix}_API_KEY`];
    const baseUrl = cleaned[`${prefix}_BASE_URL`];
    if (baseUrl !== undefined && !url.safeParse(baseUrl).success) {
      throw new AppError(
        'validation_failed',
        `Invalid configuration: ${prefix}_BASE_URL must be an http(s) URL`,
      );
    }
    if (apiKey !== undefined || baseUrl !== undefined) providers[id] = { apiKey, baseUrl };
  }

  if (
    e.QIAO_SEARCH_PROVIDER &&
    !(e.QIAO_SEARCH_PROVIDER === 'searxng' ? e.QIAO_SEARCH_URL : e.QIAO_SEARCH_API_KEY)
  ) {
    const missing = e.QIAO_SEARCH_PROVIDER === 'searxng' ? 'QIAO_SEARCH_URL' : 'QIAO_SEARCH_API_KEY';
    throw new AppError(
      'validation_failed',
      `Invalid configuration: ${missing} is required for ${e.QIAO_SEARCH_PROVIDER}`,
    );
  }

  const aliases = Object.fromEntries(
    Object.entries(e.QIAO_MODEL_ALIASES ?? {}).map(([name, target]) => [
      name,
      typeof target === 'string' ? [target] : target,
    ]),
  );

  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    secret: e.QIAO_SECRET ?? (options.ensureSecret === false ? '' : readOrCreateSecret(dataDir)),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    localModel: e.QIAO_LOCAL_MODEL ? resolve(e.QIAO_LOCAL_MODEL) : undefined,
    defaultModel: e.QIAO_DEFAULT_MODEL,
    aliases,
    providers,
    customProviders: e.QIAO_PROVIDERS ?? [],
    requestTimeoutMs: e.QIAO_REQUEST_TIMEOUT_MS,
    firstTokenTimeoutMs: e.QIAO_FIRST_TOKEN_TIMEOUT_MS,
    maxRetries: e.QIAO_MAX_RETRIES,
    maxBodyBytes: e.QIAO_MAX_BODY_BYTES,
    rateLimitUser: e.QIAO_RATE_LIMIT_USER,
    rateLimitKey: e.QIAO_RATE_LIMIT_KEY,
    maxUploadBytes: e.QIAO_MAX_UPLOAD_BYTES,
    hfEndpoint: e.QIAO_HF_ENDPOINT.replace(/\/$/, ''),
    localThreads: e.QIAO_LOCAL_THREADS,
    logLevel: e.QIAO_LOG_LEVEL,
    moderation: e.QIAO_MODERATION_URL
      ? { baseUrl: e.QIAO_MODERATION_URL, apiKey: e.QIAO_MODERATION_API_KEY, model: e.QIAO_MODERATION_MODEL }
      : undefined,
    parse: {
      maxMemoryMb: e.QIAO_PARSE_MAX_MEMORY_MB,
      timeoutMs: e.QIAO_PARSE_TIMEOUT_MS,
      concurrency: e.QIAO_PARSE_CONCURRENCY,
      maxEntryBytes: e.QIAO_PARSE_MAX_ENTRY_BYTES,
      maxInflatedBytes: e.QIAO_PARSE_MAX_INFLATED_BYTES,
      maxCells: e.QIAO_PARSE_MAX_CELLS,
      maxTextChars: e.QIAO_PARSE_MAX_TEXT_CHARS,
    },
    tools: {
      timeZone: e.QIAO_TIME_ZONE,
      maxSteps: e.QIAO_TOOL_MAX_STEPS,
      timeoutMs: e.QIAO_TOOL_TIMEOUT_MS,
      trustedHosts: splitList(e.QIAO_TOOL_TRUSTED_HOSTS),
      openMeteoUrl: e.QIAO_OPEN_METEO_URL.replace(/\/$/, ''),
      geocodingUrl: e.QIAO_OPEN_METEO_GEOCODING_URL.replace(/\/$/, ''),
      search: e.QIAO_SEARCH_PROVIDER
        ? { provider: e.QIAO_SEARCH_PROVIDER, url: e.QIAO_SEARCH_URL, apiKey: e.QIAO_SEARCH_API_KEY }
        : undefined,
      mcpServers: e.QIAO_MCP_SERVERS ?? {},
      noToolModels: splitList(e.QIAO_NO_TOOL_MODELS),
    },
  });
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** QIAO_SECRET defaults to a random value kept in the data dir, created on first start. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // Written aside and linked into place: two commands starting at once on a new data dir
  // must agree on one secret, and neither may read a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  } finally {
    rmSync(draft, { force: true });
  }
}
