import type { ToolsConfig } from '../config';
import { calculatorTool } from './builtin/calculator';
import { currentTimeTool } from './builtin/current-time';
import { weatherTool } from './builtin/get-weather';
import { readUrlTool } from './builtin/read-url';
import { webSearchTool } from './builtin/web-search';
import { createSearchProvider } from './search/create-search-provider';
import type { Tool } from './tool';
import type { ToolFetch } from './tool-fetch';

/** The real-time tools every chat gets; web_search only when a search backend is configured. */
export function builtinTools(config: ToolsConfig, fetch: ToolFetch, now?: () => Date): Tool[] {
  const search = createSearchProvider(config, fetch);
  return [
    currentTimeTool(config.timeZone, now),
    weatherTool({ forecastUrl: config.openMeteoUrl, geocodingUrl: config.geocodingUrl }, fetch),
    ...(search ? [webSearchTool(search)] : []),
    readUrlTool(fetch),
    calculatorTool,
  ];
}
