import type { PiiHit, PiiType } from '@qiao/core';

const spokenKind: Record<PiiType, Record<'zh-CN' | 'en', string>> = {
  id_card: { 'zh-CN': '身份证号', en: 'ID number' },
  mobile: { 'zh-CN': '手机号', en: 'phone number' },
  landline: { 'zh-CN': '电话号码', en: 'phone number' },
  bank_card: { 'zh-CN': '银行卡号', en: 'card number' },
  email: { 'zh-CN': '邮箱地址', en: 'email address' },
  ipv4: { 'zh-CN': 'IP 地址', en: 'IP address' },
  ipv6: { 'zh-CN': 'IP 地址', en: 'IP address' },
  passport: { 'zh-CN': '护照号', en: 'passport number' },
  name: { 'zh-CN': '姓名', en: 'name' },
  address: { 'zh-CN': '地址', en: 'address' },
};

/**
 * What a cloud voice may read of `text`: each piece of personal data (`hits`, from detectPii)
 * spoken as its kind. Audio cannot be restored the way a streamed answer is, so this is the
 * redaction half of redact-and-restore.
 */
export function spokenWithoutPii(text: string, hits: readonly PiiHit[], lang: 'zh-CN' | 'en'): string {
  let out = '';
  let at = 0;
  for (const hit of hits) {
    out += text.slice(at, hit.start) + spokenKind[hit.type][lang];
    at = hit.end;
  }
  return out + text.slice(at);
}
