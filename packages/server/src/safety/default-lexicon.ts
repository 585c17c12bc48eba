import type { ModerationAction } from '@qiao/core';

/** Labels and default actions of the categories every installation starts with. */
export const defaultCategories: { id: string; label: string; action: ModerationAction }[] = [
  { id: 'politics', label: '政治敏感 Politics', action: 'block' },
  { id: 'pornography', label: '色情 Pornography', action: 'block' },
  { id: 'violence', label: '暴力 Violence', action: 'block' },
  { id: 'terrorism', label: '恐怖主义 Terrorism', action: 'block' },
  { id: 'fraud', label: '诈骗 Fraud', action: 'block' },
  { id: 'illegal_goods', label: '违禁品 Illegal goods', action: 'block' },
  { id: 'custom', label: '自定义 Custom', action: 'warn' },
];

/**
 * A short example lexicon of plainly harmful fraud and illegal-goods phrases, so moderation
 * does something on a fresh install. Real deployments import their own lists.
 */
export const defaultTerms: Record<string, string[]> = {
  fraud: ['刷单返利', '代开发票', '办理假证', '洗钱通道', '网络赌博平台', '裸聊敲诈', '贷款先交保证金'],
  illegal_goods: ['出售冰毒', '出售海洛因', '枪支出售', '买卖银行卡', '出售公民个人信息', '代办假护照'],
};

/** Shown instead of refused input or a stopped answer when a category has no message of its own. */
export const defaultBlockMessage =
  '抱歉，该内容涉及违规信息，无法处理。Sorry, this content violates the content policy.';
