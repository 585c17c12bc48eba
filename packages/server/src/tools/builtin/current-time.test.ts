import { expect, test } from 'vitest';
import { currentTimeTool, readClock } from './current-time';

const instant = new Date('2026-11-29T16:30:00Z');

test('reads date, weekday and time in the asked time zone', () => {
  expect(readClock(instant, 'Asia/Shanghai')).toMatchObject({
    date: '2026-11-30',
    time: '00:30:00',
    weekdayZh: '星期一',
    weekdayEn: 'Monday',
  });
  expect(readClock(instant, 'America/New_York').date).toBe('2026-11-29');
});

test('defaults to the configured zone and refuses unknown zones', async () => {
  const tool = currentTimeTool('Asia/Shanghai', () => instant);
  const signal = new AbortController().signal;
  const result = await tool.execute(tool.parse({}), { signal });
  expect(result.text).toBe('2026-11-30 星期一 (Monday) 00:30:00, time zone Asia/Shanghai');
  await expect(tool.execute({ timezone: 'Mars/Olympus' }, { signal })).rejects.toThrow(/Unknown time zone/);
});
