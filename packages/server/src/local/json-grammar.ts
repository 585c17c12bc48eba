import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { AppError } from '@qiao/core';
import type { Llama, LlamaGrammar } from 'node-llama-cpp';
import { message } from './loaded-model';

const cache = new WeakMap<Llama, Map<string, Promise<LlamaGrammar>>>();
const maxCached = 32;

/**
 * `json` output becomes a llama.cpp grammar, so the model cannot produce anything else:
 * the schema's grammar when there is one, any JSON value otherwise. Grammars compile once
 * per schema (agents reuse theirs on every turn).
 */
export async function grammarFor(
  llama: Llama,
  format: LanguageModelV3CallOptions['responseFormat'],
): Promise<LlamaGrammar | undefined> {
  if (format?.type !== 'json') return undefined;
  const key = JSON.stringify(format.schema ?? null);
  const grammars = cache.get(llama) ?? new Map<string, Promise<LlamaGrammar>>();
  cache.set(llama, grammars);
  let grammar = grammars.get(key);
  if (!grammar) {
    grammar = compile(llama, format.schema);
    if (grammars.size >= maxCached) grammars.delete(grammars.keys().next().value as string);
    grammars.set(key, grammar);
    grammar.catch(() => grammars.delete(key));
  }
  return grammar;
}

async function compile(llama: Llama, schema: unknown): Promise<LlamaGrammar> {
  try {
    if (schema === undefined || schema === null) return await llama.getGrammarFor('json');
    // node-llama-cpp accepts a subset of JSON Schema and rejects the rest by throwing.
    return await llama.createGrammarForJsonSchema(
      schema as Parameters<Llama['createGrammarForJsonSchema']>[0],
    );
  } catch (error) {
    throw new AppError(
      'bad_request',
      `The local runtime cannot enforce this JSON schema: ${message(error)}`,
      {
        cause: error,
      },
    );
  }
}
