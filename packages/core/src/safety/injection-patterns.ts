/**
 * Signs of prompt injection, each with a weight in (0, 1]. Scores combine as independent
 * evidence (1 − Π(1 − w)), so a weak sign alone stays under the flag threshold while two
 * together cross it. Patterns run on lower-cased NFKC text with zero-width characters removed.
 */
export interface InjectionPattern {
  id: string;
  weight: number;
  pattern: RegExp;
}

const prior = '(?:previous|prior|above|earlier|preceding|foregoing|all|any|your|the|these|those|system)';
const orders =
  '(?:instructions?|prompts?|rules|directions|directives|guidelines|commands|constraints|context|programming)';
const zhPrior = '(?:之前|以上|上面|前面|先前|此前|上述|原来|原有|原先|所有|全部|一切|系统)';
const zhOrders = '(?:指令|指示|规则|设定|提示词?|要求|约束|限制|命令|安排)';
const unrestricted =
  '(?:no|without|free of|free from|zero|not bound by|unbound by|ignores?)\\s+(?:any\\s+)?(?:content\\s+|safety\\s+|ethical\\s+|moral\\s+)?(?:restrictions?|rules|filters?|limits?|limitations|guidelines|ethics|ethical|moral|censorship|boundaries)';
const zhUnrestricted =
  '(?:没有|不受|无视|无任何|摆脱|不再受|突破)(?:任何)?(?:限制|约束|规则|道德|审查|过滤|伦理|底线|束缚)';

export const injectionPatterns: InjectionPattern[] = [
  {
    id: 'en-ignore-previous',
    weight: 0.9,
    pattern: new RegExp(
      `\\b(?:ignore|disregard|forget|override|skip|drop)\\s+(?:(?:all|any|of|the|your|my|these)\\s+)*${prior}\\s+(?:\\w+\\s+){0,2}${orders}`,
    ),
  },
  {
    id: 'en-ignore-everything',
    weight: 0.8,
    pattern:
      /\b(?:ignore|disregard|forget) (?:everything|all) (?:you (?:were|have been) told|above|before this)/,
  },
  {
    id: 'en-new-instructions',
    weight: 0.6,
    pattern: /\b(?:new|updated|real|actual|true) (?:system )?instructions?\s*[:：]/,
  },
  {
    id: 'en-you-are-now',
    weight: 0.85,
    pattern:
      /\byou are (?:now|going to be|about to become) (?:dan\b|an? (?:unrestricted|unfiltered|uncensored|jailbroken|evil)|free\b|no longer)/,
  },
  {
    id: 'en-dan',
    weight: 0.85,
    pattern: /\bdo anything now\b|\bdan mode\b|\bjailbreak(?:ed)? mode\b|\bstan mode\b/,
  },
  {
    id: 'en-unrestricted-persona',
    weight: 0.8,
    pattern: new RegExp(
      `\\b(?:act|pretend|behave|roleplay|role-play|respond|answer|imagine you are|you are)\\b.{0,60}\\b${unrestricted}`,
    ),
  },
  { id: 'en-developer-mode', weight: 0.4, pattern: /\bdeveloper mode\b/ },
  {
    id: 'en-grandma',
    weight: 0.7,
    pattern:
      /\b(?:pretend|act|play)\b.{0,30}\b(?:my )?(?:dead |deceased |late )?grand(?:ma|mother)\b.{0,80}\b(?:keys?|serial|napalm|password|recipe)/,
  },
  {
    id: 'en-reveal-prompt',
    weight: 0.85,
    pattern:
      /\b(?:reveal|show|print|repeat|output|display|leak|tell me|give me|dump|recite|what (?:is|are|were))\b.{0,20}\b(?:your|the)\s+(?:full\s+|entire\s+|original\s+|initial\s+|hidden\s+|secret\s+)*(?:system prompt|system message|initial instructions|hidden instructions|instructions above|prompt above|pre-?prompt)/,
  },
  {
    id: 'en-bypass-safety',
    weight: 0.8,
    pattern:
      /\b(?:bypass|disable|turn off|switch off|deactivate|remove|ignore)\s+(?:your\s+|all\s+|the\s+)*(?:safety|content|moderation)?\s*(?:filters?|guardrails|restrictions|safeguards|policies|censorship)\b/,
  },
  {
    id: 'en-addressed-to-ai',
    weight: 0.7,
    pattern:
      /\b(?:if|when) (?:you are |you're )?(?:an? )?(?:ai|assistant|language model|llm|chatbot)(?: model)? (?:reading|reads|processing|sees|summariz\w+) this\b/,
  },
  {
    id: 'en-exfiltrate',
    weight: 0.6,
    pattern:
      /\b(?:send|forward|post|upload|email|exfiltrate|transmit)\b.{0,40}\b(?:conversation|chat history|system prompt|api key|password|credentials|user data)\b.{0,40}(?:https?:\/\/|@)/,
  },
  {
    id: 'en-follow-decoded',
    weight: 0.5,
    pattern: /\b(?:decode|decipher)\b.{0,40}\b(?:and|then)\s+(?:follow|execute|obey|run|do)\b/,
  },
  { id: 'en-stay-in-character', weight: 0.3, pattern: /\bstay in character\b|\bnever break character\b/ },
  {
    id: 'zh-ignore-previous',
    weight: 0.9,
    pattern: new RegExp(
      `(?:忽略|无视|忘记|忘掉|忘了|不要理会|不用理会|跳过|抛弃|丢弃|覆盖)(?:掉)?(?:你的|你)?${zhPrior}(?:的)?(?:所有|全部|一切)?(?:的)?${zhOrders}`,
    ),
  },
  {
    id: 'zh-new-instructions',
    weight: 0.6,
    pattern: /(?:新的?|真正的|最新的?)(?:系统)?(?:指令|指示|命令)\s*[:：]/,
  },
  {
    id: 'zh-unrestricted-persona',
    weight: 0.85,
    pattern: new RegExp(
      `(?:你现在|你将扮演|扮演|假装|假设你是|想象你是|你是一个|成为)[^。！？\\n]{0,30}${zhUnrestricted}`,
    ),
  },
  { id: 'zh-special-mode', weight: 0.8, pattern: /(?:开发者|越狱|dan|无限制|无审查|上帝|邪恶)模式/ },
  {
    id: 'zh-grandma',
    weight: 0.7,
    pattern: /(?:扮演|假装|当)[^。\n]{0,10}(?:奶奶|祖母|外婆)[^。\n]{0,40}(?:序列号|密钥|激活码|配方|密码)/,
  },
  {
    id: 'zh-reveal-prompt',
    weight: 0.85,
    pattern:
      /(?:输出|打印|显示|告诉我|泄露|重复|复述|透露|给出|展示|说出)(?:一下)?(?:你的|你)?(?:完整的?|全部的?|原始的?|隐藏的?)?(?:系统提示词?|初始指令|系统指令|原始指令|隐藏指令|预设指令|系统设定|system prompt)/,
  },
  {
    id: 'zh-bypass-safety',
    weight: 0.8,
    pattern:
      /(?:绕过|关闭|解除|突破|取消|无视)(?:你的|掉)?(?:安全|内容|道德)?(?:限制|过滤|审查|防护|护栏|策略)/,
  },
  {
    id: 'zh-addressed-to-ai',
    weight: 0.7,
    pattern:
      /(?:ai|人工智能|大模型|助手|语言模型|机器人)[^。\n]{0,6}(?:读到|看到|处理|总结)(?:这里|这段|此处|本文)/,
  },
  {
    id: 'zh-exfiltrate',
    weight: 0.6,
    pattern:
      /(?:(?:发送|转发|上传|提交)[^。\n]{0,20}(?:对话记录|聊天记录|系统提示|密钥|密码|用户数据)|(?:把|将)(?:对话记录|聊天记录|系统提示词?|密钥|密码|用户数据)[^。\n]{0,10}(?:发送|转发|上传|提交))[^。\n]{0,20}(?:https?:\/\/|@)/,
  },
  { id: 'zh-from-now-on', weight: 0.3, pattern: /从现在(?:开始|起)[，,]?你(?:将|要|必须|就是|只能)/ },
  {
    // A system label giving orders. An assistant label is how every pasted transcript reads
    // ("Assistant: 你好…", "Assistant: your order…"), so it counts only when it gives orders.
    id: 'role-spoof',
    weight: 0.7,
    pattern:
      /(?:^|\n|["'>])\s*(?:#{1,3}\s*)?(?:\[|【)?(?:(?:system|系统)(?:\]|】)?\s*[:：]\s*(?:you|your|from now|ignore|new|forget|你|从现在|忽略|无视|新的|忘记)|(?:assistant|助手)(?:\]|】)?\s*[:：]\s*(?:from now|ignore|disregard|forget|new instructions|从现在|忽略|无视|新的指令|忘记))/,
  },
  {
    id: 'chat-template-token',
    weight: 0.6,
    pattern: /<\|(?:im_start|im_end|system|assistant|user|endoftext)\|>|\[\/?inst\]|<<\/?sys>>|<\/?system>/,
  },
];
