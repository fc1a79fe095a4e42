/**
 * `npm run bench`: runs every registered benchmark module in order, each writing its JSON to
 * bench/results/. Register a module by adding it to the list below (name + lazy import of a file that
 * exports `run(): Promise<void>`). `npm run bench -- gateway pii` runs only the named ones.
 */
export interface BenchModule {
  name: string;
  load: () => Promise<{ run: () => Promise<void> }>;
}

export const benchModules: BenchModule[] = [
  { name: 'gateway', load: () => import('./gateway.js') },
  { name: 'confidential', load: () => import('./confidential.js') },
  { name: 'audit', load: () => import('./audit.js') },
  { name: 'guardrails', load: () => import('./guardrails.js') },
  { name: 'clean', load: () => import('./clean.js') },
];

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = only.filter((name) => !benchModules.some((m) => m.name === name));
if (unknown.length) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${benchModules.map((m) => m.name).join(', ')}\n`);
  process.exit(2);
}

let failed = 0;
for (const mod of benchModules) {
  if (only.length && !only.includes(mod.name)) continue;
  process.stdout.write(`\n=== bench: ${mod.name} ===\n`);
  const started = Date.now();
  try {
    await (await mod.load()).run();
    process.stdout.write(`=== ${mod.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s ===\n`);
  } catch (err) {
    failed++;
    process.stderr.write(`=== ${mod.name} FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)} ===\n`);
  }
}
process.exit(failed ? 1 : 0);
