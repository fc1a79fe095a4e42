// Registers bin/ts-hooks.mjs: `import './register.mjs'` in a launcher, or `node --import ./bin/register.mjs file.ts`.
import { register } from 'node:module';

// Stack traces point into the .ts sources (the hooks emit inline source maps).
process.setSourceMapsEnabled(true);
register('./ts-hooks.mjs', import.meta.url);
