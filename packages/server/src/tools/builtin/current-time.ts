import { AppError } from '@qiao/core';
import { z } from 'zod';
import { defineTool } from '../tool';

export interface ClockReading {
  timeZone: string;
  date: string;
  time: string;
  weekdayZh: string;
  weekdayEn: string;
  iso: string;
}

/** The wall-clock date and time in an IANA time zone. */
export function readClock(now: Date, timeZone: string): ClockReading {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      weekday: 'long',
    }).formatToParts(now);
  } catch {
    throw new AppError(
      'bad_request',
      `Unknown time zone ${timeZone}; use an IANA name such as Asia/Shanghai`,
    );
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const time = `${get('hour')}:${get('minute')}:${get('second')}`;
  const weekdayZh = new Intl.DateTimeFormat('zh-CN', { timeZone, weekday: 'long' }).format(now);
  return { timeZone, date, time, weekdayZh, weekdayEn: get('weekday'), iso: now.toISOString() };
}

export function currentTimeTool(defaultTimeZone: string, now: () => Date = () => new Date()) {
  return defineTool({
    name: 'current_time',
    description:
      'The current date, weekday and time. Use it for any question about today, dates, days of the week or the time.',
    schema: z.object({
      timezone: z
        .string()
        .optional()
        .describe(`IANA time zone such as Asia/Shanghai or Europe/Paris; default ${defaultTimeZone}`),
    }),
    async execute({ timezone }) {
      const clock = readClock(now(), timezone || defaultTimeZone);
      return {
        text: `${clock.date} ${clock.weekdayZh} (${clock.weekdayEn}) ${clock.time}, time zone ${clock.timeZone}`,
        data: clock,
      };
    },
  });
}
