#!/usr/bin/env node
// Runs the TypeScript CLI from its sources (bin/ts-hooks.mjs) so `npm start` needs no build step.
import './register.mjs';

await import(new URL('../src/cli/index.ts', import.meta.url).href);
