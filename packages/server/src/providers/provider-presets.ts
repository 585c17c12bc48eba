import type { BuiltinProviderId } from '../config';

export type ProviderProtocol = 'openai-compatible' | 'anthropic';

/** A model Qiao knows without asking the vendor. */
export interface CatalogModel {
  id: string;
  kind?: 'chat' | 'embedding';
  contextWindow?: number;
  /**
   * USD per million tokens. APPROXIMATE public list prices (CNY converted at ~7.2),
   * for cost estimates only; vendors change them often.
   */
  pricing?: { input: number; output: number };
  supportsTools?: boolean;
  supportsVision?: boolean;
}

/** Behaviour differences a gateway has to paper over (PROVIDERS.md "Quirks"). */
export interface ProviderQuirks {
  /** rejects an empty assistant `content` (Moonshot): send a single space instead */
  noEmptyAssistantContent?: boolean;
  /** streams `tool_calls[].index` as -1 (GLM-4.5): rewrite to 0 before parsing */
  negativeToolCallIndex?: boolean;
  /** accepts `response_format: json_schema`; otherwise json_object plus a schema instruction */
  structuredOutputs?: boolean;
}

export interface ProviderPreset {
  id: BuiltinProviderId;
  label: string;
  protocol: ProviderProtocol;
  baseUrl: string;
  /** has a usable `GET /models`; without it any model id is passed through */
  hasModelsEndpoint: boolean;
  /** runs without a key (a dummy one is sent, SDKs insist on it) */
  keyless?: boolean;
  models: CatalogModel[];
  quirks: ProviderQuirks;
}

const m = (
  id: string,
  contextWindow: number,
  input?: number,
  output?: number,
  extra: Partial<CatalogModel> = {},
): CatalogModel => ({
  id,
  contextWindow,
  ...(input !== undefined && output !== undefined ? { pricing: { input, output } } : {}),
  supportsTools: true,
  ...extra,
});
const embedding = (id: string, contextWindow: number, input?: number): CatalogModel => ({
  id,
  kind: 'embedding',
  contextWindow,
  ...(input !== undefined ? { pricing: { input, output: 0 } } : {}),
});

export const providerPresets: Record<BuiltinProviderId, ProviderPreset> = {
  openai: {
    id: 'openai',
    label: 'OpenAI',
    protocol: 'openai-compatible',
    baseUrl: 'https://api.openai.com/v1',
    hasModelsEndpoint: true,
    quirks: { structuredOutputs: true },
    models: [
      m('gpt-4o', 128_000, 2.5, 10, { supportsVision: true }),
      m('gpt-4o-mini', 128_000, 0.15, 0.6, { supportsVision: true }),
      m('gpt-4.1', 1_047_576, 2, 8, { supportsVision: true }),
      m('gpt-4.1-mini', 1_047_576, 0.4, 1.6, { supportsVision: true }),
      m('o4-mini', 200_000, 1.1, 4.4),
      embedding('text-embedding-3-small', 8191, 0.02),
      embedding('text-embedding-3-large', 8191, 0.13),
    ],
  },
  anthropic: {
    id: 'anthropic',
    label: 'Anthropic',
    protocol: 'anthropic',
    baseUrl: 'https://api.anthropic.com/v1',
    hasModelsEndpoint: true,
    quirks: {},
    models: [
      m('claude-sonnet-4-5-20250929', 200_000, 3, 15, { supportsVision: true }),
      m('claude-haiku-4-5-20251001', 200_000, 1, 5, { supportsVision: true }),
      m('claude-opus-4-5-20251101', 200_000, 5, 25, { supportsVision: true }),
    ],
  },
  deepseek: {
    id: 'deepseek',
    label: 'DeepSeek',
    protocol: 'openai-compatible',
    baseUrl: 'https://api.deepseek.com',
    hasModelsEndpoint: true,
    quirks: {},
    models: [m('deepseek-chat', 128_000, 0.28, 0.42), m('deepseek-reasoner', 128_000, 0.28, 0.42)],
  },
  qwen: {
    id: 'qwen',
    label: 'Qwen (DashScope)',
    protocol: 'openai-compatible',
    baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    hasModelsEndpoint: true,
    quirks: {},
    models: [
      m('qwen3-max', 262_144, 0.84, 3.36),
      m('qwen-max', 32_768, 0.33, 1.33),
      m('qwen-plus', 131_072, 0.11, 0.28),
      m('qwen-flash', 1_000_000, 0.02, 0.21),
      m('qwen-turbo', 1_000_000, 0.04, 0.08),
      embedding('text-embedding-v4', 8192, 0.07),
      embedding('text-embedding-v3', 8192, 0.07),
    ],
  },
  zhipu: {
    id: 'zhipu',
    label: 'Zhipu GLM',
    protocol: 'openai-compatible',
    baseUrl: 'https://open.bigmodel.cn/api/paas/v4',
    hasModelsEndpoint: false,
    quirks: { negativeToolCallIndex: true },
    models: [
      m('glm-4.6', 200_000, 0.28, 1.11),
      m('glm-4.5', 128_000, 0.28, 1.11),
      m('glm-4.5-air', 128_000, 0.11, 0.28),
      m('glm-4-flash', 128_000, 0, 0),
      embedding('embedding-3', 8192, 0.07),
    ],
  },
  moonshot: {
    id: 'moonshot',
    label: 'Moonshot Kimi',
    protocol: 'openai-compatible',
    baseUrl: 'https://api.moonshot.cn/v1',
    hasModelsEndpoint: true,
    quirks: { noEmptyAssistantContent: true },
    models: [
      m('kimi-k2-0905-preview', 262_144, 0.56, 2.22),
      m('kimi-k2-turbo-preview', 262_144, 1.11, 8.06),
      m('moonshot-v1-8k', 8192, 0.28, 1.39),
      m('moonshot-v1-32k', 32_768, 0.69, 2.78),
      m('moonshot-v1-128k', 131_072, 1.39, 4.17),
    ],
  },
  doubao: {
    id: 'doubao',
    label: 'Doubao (Volcengine Ark)',
    protocol: 'openai-compatible',
    baseUrl: 'https://ark.cn-beijing.volces.com/api/v3',
    hasModelsEndpoint: false,
    quirks: {},
    models: [
      m('doubao-seed-1-6-250615', 256_000, 0.11, 1.11, { supportsVision: true }),
      m('doubao-seed-1-6-flash-250615', 256_000, 0.02, 0.21, { supportsVision: true }),
      m('doubao-seed-1-6-thinking-250615', 256_000, 0.11, 1.11),
      m('doubao-1-5-pro-32k-250115', 32_768, 0.11, 0.28),
      m('doubao-1-5-lite-32k-250115', 32_768, 0.04, 0.08),
      embedding('doubao-embedding-text-240715', 4096, 0.07),
    ],
  },
  qianfan: {
    id: 'qianfan',
    label: 'Baidu Qianfan (ERNIE)',
    protocol: 'openai-compatible',
    baseUrl: 'https://qianfan.baidubce.com/v2',
    hasModelsEndpoint: false,
    quirks: {},
    models: [
      m('ernie-4.5-turbo-128k', 131_072, 0.11, 0.44),
      m('ernie-speed-128k', 131_072, 0, 0),
      m('ernie-lite-8k', 8192, 0, 0),
      embedding('embedding-v1', 384, 0.07),
      embedding('bge-large-zh', 512, 0.07),
    ],
  },
  spark: {
    id: 'spark',
    label: 'iFlytek Spark',
    protocol: 'openai-compatible',
    baseUrl: 'https://spark-api-open.xf-yun.com/v1',
    hasModelsEndpoint: false,
    quirks: {},
    models: [
      m('lite', 8192, 0, 0, { supportsTools: false }),
      m('generalv3', 8192, undefined, undefined, { supportsTools: false }),
      m('pro-128k', 131_072, undefined, undefined, { supportsTools: false }),
      m('generalv3.5', 8192),
      m('max-32k', 32_768),
      m('4.0Ultra', 8192),
    ],
  },
  hunyuan: {
    id: 'hunyuan',
    label: 'Tencent Hunyuan',
    protocol: 'openai-compatible',
    baseUrl: 'https://api.hunyuan.cloud.tencent.com/v1',
    hasModelsEndpoint: true,
    quirks: {},
    models: [
      m('hunyuan-turbos-latest', 32_768, 0.11, 0.28),
      m('hunyuan-t1-latest', 32_768, 0.14, 0.56),
      m('hunyuan-lite', 256_000, 0, 0),
      m('hunyuan-a13b', 224_000, 0.07, 0.28),
      embedding('hunyuan-embedding', 1024, 0.1),
    ],
  },
  minimax: {
    id: 'minimax',
    label: 'MiniMax',
    protocol: 'openai-compatible',
    baseUrl: 'https://api.minimaxi.com/v1',
    hasModelsEndpoint: false,
    quirks: {},
    models: [
      m('MiniMax-M2', 204_800, 0.3, 1.2),
      m('MiniMax-M1', 1_000_000, 0.4, 2.2),
      m('MiniMax-Text-01', 1_000_000, 0.2, 1.1),
    ],
  },
  siliconflow: {
    id: 'siliconflow',
    label: 'SiliconFlow',
    protocol: 'openai-compatible',
    baseUrl: 'https://api.siliconflow.cn/v1',
    hasModelsEndpoint: true,
    quirks: {},
    models: [
      m('deepseek-ai/DeepSeek-V3', 128_000, 0.28, 1.11),
      m('deepseek-ai/DeepSeek-R1', 128_000, 0.56, 2.22),
      m('Qwen/Qwen2.5-7B-Instruct', 32_768, 0, 0),
      m('THUDM/glm-4-9b-chat', 128_000, 0, 0),
      embedding('BAAI/bge-m3', 8192, 0),
    ],
  },
  ollama: {
    id: 'ollama',
    label: 'Ollama',
    protocol: 'openai-compatible',
    baseUrl: 'http://127.0.0.1:11434/v1',
    hasModelsEndpoint: true,
    keyless: true,
    quirks: { structuredOutputs: true },
    models: [],
  },
};

export function isBuiltinProvider(id: string): id is BuiltinProviderId {
  return Object.hasOwn(providerPresets, id);
}

/** Exact id first, then the longest catalog id the model starts with (dated variants). */
export function findCatalogModel(models: readonly CatalogModel[], id: string): CatalogModel | undefined {
  const exact = models.find((model) => model.id === id);
  if (exact) return exact;
  let best: CatalogModel | undefined;
  for (const model of models) {
    if (id.startsWith(model.id) && (!best || model.id.length > best.id.length)) best = model;
  }
  return best;
}
