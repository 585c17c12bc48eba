#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx qiao` works straight from a checkout, no build step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
