import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import type OpenAI from 'openai';
import type { ProviderQuirks } from '../provider-presets';
import { toOpenAIMessages } from './to-openai-messages';

type Params = OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming;

export function toOpenAIRequest(
  modelId: string,
  options: LanguageModelV3CallOptions,
  quirks: ProviderQuirks,
): Params {
  const params: Params = {
    model: modelId,
    messages: toOpenAIMessages(options.prompt, quirks),
    stream: true,
    stream_options: { include_usage: true },
  };
  if (options.maxOutputTokens !== undefined) params.max_tokens = options.maxOutputTokens;
  if (options.temperature !== undefined) params.temperature = options.temperature;
  if (options.topP !== undefined) params.top_p = options.topP;
  if (options.presencePenalty !== undefined) params.presence_penalty = options.presencePenalty;
  if (options.frequencyPenalty !== undefined) params.frequency_penalty = options.frequencyPenalty;
  if (options.stopSequences?.length) params.stop = options.stopSequences;
  if (options.seed !== undefined) params.seed = options.seed;
  const format = options.responseFormat;
  if (format?.type === 'json') {
    params.response_format =
      format.schema && quirks.structuredOutputs
        ? {
            type: 'json_schema',
            json_schema: { name: format.name ?? 'response', schema: format.schema as never },
          }
        : { type: 'json_object' };
  }
  const tools = options.tools?.filter((tool) => tool.type === 'function');
  if (tools?.length) {
    params.tools = tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
        parameters: tool.inputSchema as Record<string, unknown>,
      },
    }));
    const choice = options.toolChoice;
    if (choice) {
      params.tool_choice =
        choice.type === 'tool' ? { type: 'function', function: { name: choice.toolName } } : choice.type;
    }
  }
  return params;
}
