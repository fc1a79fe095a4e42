// Module hooks that load SealGate's TypeScript sources without a build step (registered by
// bin/register.mjs). esbuild strips the types, as tsx does, but without esbuild's `keepNames`, which
// tsx always turns on: it wraps every named closure in a defineProperty call made each time the closure
// is created (~0.4 µs apiece), and the request path creates dozens (docs/gateway.md, "Loading the sources").
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const TS_FILE = /\.m?ts$/;

export async function resolve(specifier, context, nextResolve) {
  // NodeNext sources name their imports by the compiled file ('./x.js' for './x.ts').
  if (context.parentURL && TS_FILE.test(context.parentURL) && specifier.endsWith('.js') && /^\.{1,2}\//.test(specifier)) {
    try {
      return await nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    } catch {
      // A real .js file next to the sources.
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !TS_FILE.test(url)) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const { code } = await transform(await readFile(file, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: `node${process.versions.node}`,
    sourcemap: 'inline',
    sourcefile: file,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
