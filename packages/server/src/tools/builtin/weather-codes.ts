/** WMO weather interpretation codes as Open-Meteo reports them, in Chinese and English. */
const codes: Record<number, [string, string]> = {
  0: ['晴', 'clear sky'],
  1: ['大部晴朗', 'mainly clear'],
  2: ['多云', 'partly cloudy'],
  3: ['阴', 'overcast'],
  45: ['雾', 'fog'],
  48: ['雾凇', 'depositing rime fog'],
  51: ['小毛毛雨', 'light drizzle'],
  53: ['毛毛雨', 'drizzle'],
  55: ['大毛毛雨', 'dense drizzle'],
  56: ['冻毛毛雨', 'freezing drizzle'],
  57: ['强冻毛毛雨', 'dense freezing drizzle'],
  61: ['小雨', 'slight rain'],
  63: ['中雨', 'moderate rain'],
  65: ['大雨', 'heavy rain'],
  66: ['冻雨', 'freezing rain'],
  67: ['强冻雨', 'heavy freezing rain'],
  71: ['小雪', 'slight snow'],
  73: ['中雪', 'moderate snow'],
  75: ['大雪', 'heavy snow'],
  77: ['米雪', 'snow grains'],
  80: ['小阵雨', 'slight rain showers'],
  81: ['阵雨', 'rain showers'],
  82: ['强阵雨', 'violent rain showers'],
  85: ['小阵雪', 'slight snow showers'],
  86: ['强阵雪', 'heavy snow showers'],
  95: ['雷暴', 'thunderstorm'],
  96: ['雷暴伴小冰雹', 'thunderstorm with slight hail'],
  99: ['雷暴伴大冰雹', 'thunderstorm with heavy hail'],
};

export function describeWeather(code: number | null | undefined): string {
  const entry = code === null || code === undefined ? undefined : codes[code];
  return entry ? `${entry[0]} (${entry[1]})` : `code ${code ?? '?'}`;
}
