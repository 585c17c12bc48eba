import { expect, test } from 'vitest';
import { loadConfig } from '../config';
import { builtinTools } from './builtin-tools';
import { createToolFetch } from './tool-fetch';

const base = { QIAO_DATA_DIR: '/tmp/qiao-tools-config', QIAO_SECRET: 'tools-config-secret-0123' };

test('tool settings have defaults, and web_search is only offered when a provider is set', () => {
  const config = loadConfig(base, { ensureSecret: false });
  expect(config.tools).toEqual({
    timeZone: 'Asia/Shanghai',
    maxSteps: 5,
    timeoutMs: 15_000,
    trustedHosts: [],
    openMeteoUrl: 'https://api.open-meteo.com',
    geocodingUrl: 'https://geocoding-api.open-meteo.com',
    search: undefined,
    mcpServers: {},
    noToolModels: [],
  });
  const names = (env: Record<string, string>) =>
    builtinTools(loadConfig({ ...base, ...env }, { ensureSecret: false }).tools, createToolFetch([])).map(
      (tool) => tool.name,
    );
  expect(names({})).toEqual(['current_time', 'get_weather', 'read_url', 'calculator']);
  expect(names({ QIAO_SEARCH_PROVIDER: 'searxng', QIAO_SEARCH_URL: 'http://search.lan:8888' })).toContain(
    'web_search',
  );
});

test('MCP servers, trusted hosts and no-tool models are parsed; bad values are one readable line', () => {
  const config = loadConfig(
    {
      ...base,
      QIAO_MCP_SERVERS: '{"fs":{"command":"node","args":["server.js"]},"crm":{"url":"http://crm.lan/mcp"}}',
      QIAO_TOOL_TRUSTED_HOSTS: 'search.lan:8888, crm.lan',
      QIAO_NO_TOOL_MODELS: 'local/tiny,spark/lite',
    },
    { ensureSecret: false },
  );
  expect(config.tools.mcpServers).toEqual({
    fs: { command: 'node', args: ['server.js'] },
    crm: { url: 'http://crm.lan/mcp' },
  });
  expect(config.tools.trustedHosts).toEqual(['search.lan:8888', 'crm.lan']);
  expect(config.tools.noToolModels).toEqual(['local/tiny', 'spark/lite']);
  expect(() => loadConfig({ ...base, QIAO_MCP_SERVERS: '{' }, { ensureSecret: false })).toThrow(
    'Invalid configuration: QIAO_MCP_SERVERS is not valid JSON',
  );
  expect(() => loadConfig({ ...base, QIAO_SEARCH_PROVIDER: 'google' }, { ensureSecret: false })).toThrow(
    /QIAO_SEARCH_PROVIDER/,
  );
  expect(() => loadConfig({ ...base, QIAO_SEARCH_PROVIDER: 'searxng' }, { ensureSecret: false })).toThrow(
    'Invalid configuration: QIAO_SEARCH_URL is required for searxng',
  );
  expect(() => loadConfig({ ...base, QIAO_SEARCH_PROVIDER: 'tavily' }, { ensureSecret: false })).toThrow(
    'Invalid configuration: QIAO_SEARCH_API_KEY is required for tavily',
  );
});
