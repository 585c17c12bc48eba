export type { BuiltinAgent, LocalizedAgentText } from './builtin-agent';
export { builtinAgentSpec, builtinAgents, findBuiltinAgent } from './builtin-agents';
