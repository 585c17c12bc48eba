import type { UiLanguage } from '@qiao/core';
import type { Context } from 'hono';
import { pickLanguage } from '../assistant/default-assistant';

/**
 * The language a built-in agent speaks in this request: `?lang=` where the route takes it,
 * else the Accept-Language header (the web app sends its UI language there), else Chinese.
 */
export function requestLanguage(c: Context): UiLanguage {
  const lang = c.req.query('lang');
  return pickLanguage(lang === 'en' || lang === 'zh-CN' ? lang : undefined, c.req.header('accept-language'));
}
