import { AppError } from '@qiao/core';
import { z } from 'zod';
import { defineTool } from '../tool';
import { fetchJson, type ToolFetch } from '../tool-fetch';
import { describeWeather } from './weather-codes';

export interface WeatherEndpoints {
  /** Open-Meteo forecast API base, e.g. https://api.open-meteo.com */
  forecastUrl: string;
  /** Open-Meteo geocoding API base, e.g. https://geocoding-api.open-meteo.com */
  geocodingUrl: string;
}

const geocoding = z.object({
  results: z
    .array(
      z.object({
        name: z.string(),
        latitude: z.number(),
        longitude: z.number(),
        admin1: z.string().optional(),
        country: z.string().optional(),
      }),
    )
    .optional(),
});

const series = z.array(z.number().nullable()).optional();
const forecastReply = z.object({
  timezone: z.string().optional(),
  current: z
    .object({
      time: z.string(),
      temperature_2m: z.number().nullable(),
      relative_humidity_2m: z.number().nullable(),
      weather_code: z.number().nullable(),
      wind_speed_10m: z.number().nullable(),
    })
    .optional(),
  daily: z
    .object({
      time: z.array(z.string()),
      weather_code: series,
      temperature_2m_max: series,
      temperature_2m_min: series,
      precipitation_probability_max: series,
      precipitation_sum: series,
      wind_speed_10m_max: series,
    })
    .optional(),
});
type Forecast = z.infer<typeof forecastReply>;

const daily = [
  'weather_code',
  'temperature_2m_max',
  'temperature_2m_min',
  'precipitation_probability_max',
  'precipitation_sum',
  'wind_speed_10m_max',
];

/** Current weather and a daily forecast from Open-Meteo (no key needed). */
export function weatherTool(endpoints: WeatherEndpoints, fetch: ToolFetch) {
  return defineTool({
    name: 'get_weather',
    description:
      'Current weather and the daily forecast (up to 7 days: conditions, min/max temperature, chance and amount of rain) for a city. Use it for any question about weather, rain, temperature or what to wear.',
    schema: z.object({
      city: z.string().min(1).describe('city name in any language, e.g. 杭州 or Hangzhou'),
      days: z.number().int().min(1).max(7).optional().describe('days of forecast from today, default 3'),
    }),
    async execute({ city, days = 3 }, { signal }) {
      const geo = await fetchJson(
        fetch,
        `${endpoints.geocodingUrl}/v1/search?${new URLSearchParams({ name: city, count: '1', language: 'zh', format: 'json' })}`,
        'The geocoding service',
        geocoding,
        { signal },
      );
      const place = geo?.results?.[0];
      if (!place) throw new AppError('not_found', `No place called "${city}" was found`);
      const query = new URLSearchParams({
        latitude: String(place.latitude),
        longitude: String(place.longitude),
        current: 'temperature_2m,relative_humidity_2m,weather_code,wind_speed_10m',
        daily: daily.join(','),
        timezone: 'auto',
        forecast_days: String(days),
      });
      const forecastUrl = `${endpoints.forecastUrl}/v1/forecast?${query}`;
      const forecast = await fetchJson(fetch, forecastUrl, 'The weather service', forecastReply, {
        signal,
      });
      const name = [place.name, place.admin1, place.country].filter(Boolean).join(', ');
      return {
        text: formatForecast(name, forecast),
        data: { place: { name: place.name, region: place.admin1, country: place.country }, forecast },
        sources: [{ url: forecastUrl, title: `Open-Meteo: ${place.name}` }],
      };
    },
  });
}

function formatForecast(place: string, forecast: Forecast): string {
  const lines = [`Weather for ${place} (local time zone ${forecast.timezone ?? 'unknown'}):`];
  const now = forecast.current;
  if (now) {
    lines.push(
      `Now (${now.time}): ${describeWeather(now.weather_code)}, ${now.temperature_2m}°C, humidity ${now.relative_humidity_2m}%, wind ${now.wind_speed_10m} km/h`,
    );
  }
  const d = forecast.daily;
  for (const [i, date] of (d?.time ?? []).entries()) {
    const at = (values: (number | null)[] | undefined) => values?.[i] ?? '?';
    lines.push(
      `${date}: ${describeWeather(d?.weather_code?.[i])}, ${at(d?.temperature_2m_min)}–${at(d?.temperature_2m_max)}°C, 降水概率 precipitation probability ${at(d?.precipitation_probability_max)}%, 降水量 ${at(d?.precipitation_sum)} mm, wind up to ${at(d?.wind_speed_10m_max)} km/h`,
    );
  }
  return lines.join('\n');
}
