import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWeatherFixture, type WeatherFixture } from '../../../test/fixtures/weather-fixture-server';
import { createToolFetch } from '../tool-fetch';
import { weatherTool } from './get-weather';

let fixture: WeatherFixture;
beforeAll(async () => {
  fixture = await startWeatherFixture();
});
afterAll(() => fixture?.close());

const signal = new AbortController().signal;

test('geocodes the city and reports tomorrow with its chance of rain', async () => {
  const tool = weatherTool(
    { forecastUrl: fixture.url, geocodingUrl: fixture.url },
    createToolFetch([fixture.host]),
  );
  const result = await tool.execute(tool.parse({ city: '杭州', days: 2 }), { signal });
  const lines = result.text.split('\n');
  expect(lines[0]).toContain('杭州市, 浙江省, 中国');
  expect(lines[3]).toMatch(/小雨 \(slight rain\), 8–15°C, 降水概率 precipitation probability 80%/);
  expect(result.sources?.[0]?.url).toContain('/v1/forecast?latitude=30.29');
  expect(fixture.paths[0]).toContain('/v1/search?name=%E6%9D%AD%E5%B7%9E');
});

test('says so when the city is unknown', async () => {
  const tool = weatherTool(
    { forecastUrl: fixture.url, geocodingUrl: fixture.url },
    createToolFetch([fixture.host]),
  );
  await expect(tool.execute({ city: 'Atlantis' }, { signal })).rejects.toThrow('No place called "Atlantis"');
});

test('refuses the loopback fixture unless its host is trusted', async () => {
  const tool = weatherTool({ forecastUrl: fixture.url, geocodingUrl: fixture.url }, createToolFetch([]));
  await expect(tool.execute({ city: '杭州' }, { signal })).rejects.toThrow(/private or reserved address/);
});
