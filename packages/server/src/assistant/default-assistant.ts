import type { AssistantDto, UiLanguage } from '@qiao/core';

/**
 * The default assistant as a new chat introduces it. The suggestions show what it is for
 * every day: real-time facts (date, weather, answered by tools), writing and explaining.
 */
export const defaultAssistant: Record<UiLanguage, AssistantDto> = {
  'zh-CN': {
    name: '桥',
    greeting: '你好，我是桥',
    intro: '我可以回答问题、帮你写作和翻译、解释复杂的概念，也能查日期和天气。有什么可以帮你的？',
    suggestions: ['今天几号？', '帮我写一封请假邮件', '解释一下量子计算', '明天杭州下雨吗？'],
  },
  en: {
    name: 'Qiao',
    greeting: "Hi, I'm Qiao",
    intro:
      'I can answer questions, help you write and translate, explain hard ideas, and look up the date or the weather. What can I do for you?',
    suggestions: [
      "What's the date today?",
      'Write an email asking for a day off',
      'Explain quantum computing simply',
      'Will it rain in Hangzhou tomorrow?',
    ],
  },
};

/** `?lang=` first, then the browser's Accept-Language, then Chinese. */
export function pickLanguage(lang: UiLanguage | undefined, acceptLanguage: string | undefined): UiLanguage {
  if (lang) return lang;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
