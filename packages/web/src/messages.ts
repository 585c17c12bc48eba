/** UI strings; `zh-CN` is the reference and `en` must have the same keys. */
export const zhCN = {
  appName: '桥 Qiao',
  tagline: '自托管的大模型平台',
  signIn: '登录',
  signOut: '退出登录',
  setupTitle: '创建第一个管理员',
  setupHint: '这是一个全新的 Qiao：先创建管理员账号。',
  createAdmin: '创建管理员',
  username: '用户名',
  password: '密码',
  working: '请稍候…',
  newChat: '新对话',
  model: '模型',
  noModels: '没有可用的模型：请配置一个模型提供方（例如 OPENAI_API_KEY）。',
  composerPlaceholder: '输入消息，Enter 发送，Shift+Enter 换行',
  send: '发送',
  stop: '停止',
  stopped: '（已停止）',
  welcome: '你好！我是桥（Qiao）。有什么可以帮你？',
  you: '你',
  assistant: '助手',
  language: 'English',
  errorPrefix: '出错了：',
} as const;

export type MessageKey = keyof typeof zhCN;

export const en: Record<MessageKey, string> = {
  appName: 'Qiao 桥',
  tagline: 'Your self-hosted LLM platform',
  signIn: 'Sign in',
  signOut: 'Sign out',
  setupTitle: 'Create the first admin',
  setupHint: 'This is a fresh Qiao: create the admin account first.',
  createAdmin: 'Create admin',
  username: 'Username',
  password: 'Password',
  working: 'Please wait…',
  newChat: 'New chat',
  model: 'Model',
  noModels: 'No models available: configure a provider (for example OPENAI_API_KEY).',
  composerPlaceholder: 'Type a message. Enter sends, Shift+Enter adds a line',
  send: 'Send',
  stop: 'Stop',
  stopped: '(stopped)',
  welcome: 'Hello! I am Qiao (桥). How can I help?',
  you: 'You',
  assistant: 'Assistant',
  language: '中文',
  errorPrefix: 'Error: ',
};

export type Locale = 'zh-CN' | 'en';

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Chinese for any zh-* browser language, English otherwise. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
