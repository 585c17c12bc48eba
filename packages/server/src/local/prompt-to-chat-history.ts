import type {
  LanguageModelV3Prompt,
  LanguageModelV3ToolResultOutput,
  SharedV3Warning,
} from '@ai-sdk/provider';
import type { ChatHistoryItem } from 'node-llama-cpp';

/**
 * Maps the AI SDK prompt onto node-llama-cpp's chat history, which the model's own chat
 * template then renders. node-llama-cpp has no tool role, so tool calls and results
 * become plain text the model can read; files cannot be shown to a text-only GGUF.
 */
export function promptToChatHistory(prompt: LanguageModelV3Prompt): {
  history: ChatHistoryItem[];
  warnings: SharedV3Warning[];
} {
  const history: ChatHistoryItem[] = [];
  const warnings: SharedV3Warning[] = [];
  const pushUser = (text: string) => {
    const last = history.at(-1);
    if (last?.type === 'user') last.text += `\n\n${text}`;
    else history.push({ type: 'user', text });
  };

  for (const message of prompt) {
    if (message.role === 'system') {
      history.push({ type: 'system', text: message.content });
    } else if (message.role === 'user') {
      const texts: string[] = [];
      for (const part of message.content) {
        if (part.type === 'text') texts.push(part.text);
        else
          warnings.push({
            type: 'unsupported',
            feature: 'file parts',
            details: `${part.mediaType} ignored by the local runtime`,
          });
      }
      pushUser(texts.join(''));
    } else if (message.role === 'assistant') {
      const texts: string[] = [];
      for (const part of message.content) {
        if (part.type === 'text') texts.push(part.text);
        else if (part.type === 'tool-call')
          texts.push(`[called tool ${part.toolName} with ${JSON.stringify(part.input)}]`);
        else if (part.type === 'tool-result') texts.push(toolResultText(part.toolName, part.output));
      }
      history.push({ type: 'model', response: [texts.join('\n')] });
    } else {
      for (const part of message.content) {
        if (part.type === 'tool-result') pushUser(toolResultText(part.toolName, part.output));
      }
    }
  }
  // The last item is the answer being written: an empty one, or an assistant prefix to continue.
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  return { history, warnings };
}

function toolResultText(toolName: string, output: LanguageModelV3ToolResultOutput): string {
  const value =
    output.type === 'text' || output.type === 'error-text'
      ? output.value
      : output.type === 'execution-denied'
        ? `denied${output.reason ? `: ${output.reason}` : ''}`
        : JSON.stringify('value' in output ? output.value : output);
  return `[result of tool ${toolName}]\n${value}`;
}
