import type { LanguageModelV3CallOptions, LanguageModelV3ToolChoice } from '@ai-sdk/provider';
import type { ToolChoice } from '@qiao/core';
import type { ChatRequest } from './gateway';
import { toPrompt } from './to-prompt';

export type CallOptions = Omit<LanguageModelV3CallOptions, 'abortSignal'>;

/**
 * Maps a Qiao request onto the V3 call options. Providers without json_schema support get
 * json_object plus the schema as a system instruction, so the answer still has the right shape.
 */
export function toCallOptions(request: ChatRequest, structuredOutputs: boolean): CallOptions {
  const format = request.responseFormat;
  let extraSystem: string | undefined;
  if (format?.type === 'json_schema' && !structuredOutputs) {
    extraSystem = `Answer with a single JSON value that matches this JSON schema, and nothing else:\n${JSON.stringify(format.schema)}`;
  }
  const options: CallOptions = { prompt: toPrompt(request.messages, extraSystem) };
  if (request.tools?.length) {
    options.tools = request.tools.map((tool) => ({
      type: 'function',
      name: tool.name,
      description: tool.description,
      inputSchema: tool.parameters as never,
    }));
    if (request.toolChoice) options.toolChoice = toToolChoice(request.toolChoice);
  }
  if (format?.type === 'json_object') options.responseFormat = { type: 'json' };
  else if (format?.type === 'json_schema') {
    options.responseFormat = structuredOutputs
      ? { type: 'json', schema: format.schema as never, name: format.name }
      : { type: 'json' };
  }
  if (request.temperature !== undefined) options.temperature = request.temperature;
  if (request.topP !== undefined) options.topP = request.topP;
  if (request.maxTokens !== undefined) options.maxOutputTokens = request.maxTokens;
  if (request.stop?.length) options.stopSequences = request.stop;
  if (request.seed !== undefined) options.seed = request.seed;
  return options;
}

function toToolChoice(choice: ToolChoice): LanguageModelV3ToolChoice {
  return typeof choice === 'string' ? { type: choice } : { type: 'tool', toolName: choice.name };
}
