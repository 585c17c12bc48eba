import type { AgentCategory } from '@qiao/core';

/** The text of a built-in agent in one language. */
export interface LocalizedAgentText {
  name: string;
  description: string;
  persona: string;
  welcome: string;
  suggestions: string[];
}

/** A curated plaza agent shipped with Qiao, in both UI languages. */
export interface BuiltinAgent {
  slug: string;
  avatar: string;
  category: AgentCategory;
  /** tool names it may use (see tools/) */
  tools: string[];
  temperature?: number;
  'zh-CN': LocalizedAgentText;
  en: LocalizedAgentText;
}
