/**
 * The arrows of docs/architecture.md, enforced by reading the import graph (TypeScript's own parser, so
 * comments and strings never count as imports). A failing case names the file and the import that broke
 * the arrow. The "no text in audit and metrics" arrow is checked as far as a static check can tell:
 * the types and schemas that cross into audit/metrics carry only allow-listed, text-free fields.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { requestRecord, verdictRecord } from '../../src/audit/record.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_FILE = /\.(ts|mts|mjs|js)$/;

interface ImportEdge {
  /** The specifier as written. */
  specifier: string;
  /** Repository-relative path (POSIX separators) for relative imports; undefined for packages. */
  target?: string;
  /** `import type …` / `export type …`: erased at compile time, loads nothing at run time. */
  typeOnly: boolean;
}

/** Repository-relative path with POSIX separators, so rules read the same on every OS. */
const repoPath = (absolute: string) => relative(ROOT, absolute).split(sep).join('/');

function sourceFiles(dir: string, { withTests = false } = {}): string[] {
  const absolute = join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute).flatMap((name) => {
    const path = join(absolute, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(repoPath(path), { withTests });
    if (!SOURCE_FILE.test(name) || name.endsWith('.d.ts')) return [];
    if (!withTests && /\.test\.[mc]?[jt]s$/.test(name)) return [];
    return [repoPath(path)];
  });
}

/** `./x.js` in a TypeScript file names `./x.ts` (NodeNext); directories resolve to their index. */
function resolveRelative(fromFile: string, specifier: string): string {
  const base = resolve(ROOT, dirname(fromFile), specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`, join(base, 'index.ts')];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return repoPath(found ?? base);
}

const edgeCache = new Map<string, ImportEdge[]>();

function importsOf(file: string): ImportEdge[] {
  const cached = edgeCache.get(file);
  if (cached) return cached;
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const edges: ImportEdge[] = [];
  const add = (specifier: string, typeOnly: boolean) =>
    edges.push({ specifier, typeOnly, target: specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined });

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      // `import { type A, type B }` is as erased as `import type { A, B }`.
      const namedAllTypes =
        !!clause && !clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) &&
        clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier.text, !!clause?.isTypeOnly || namedAllTypes);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) add(argument.text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) add(argument.text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  edgeCache.set(file, edges);
  return edges;
}

/** Every file reachable at run time (type-only imports load nothing) from `start`, with the path that reached it. */
function runtimeClosure(start: string): Map<string, string[]> {
  const reached = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!existsSync(join(ROOT, file)) || !SOURCE_FILE.test(file)) continue;
    for (const edge of importsOf(file)) {
      if (edge.typeOnly || !edge.target || reached.has(edge.target)) continue;
      reached.set(edge.target, [...reached.get(file)!, edge.target]);
      queue.push(edge.target);
    }
  }
  return reached;
}

const under = (file: string, ...folders: string[]) => folders.some((folder) => file === folder || file.startsWith(`${folder}/`));

function violations(files: string[], forbidden: (edge: ImportEdge) => boolean): string[] {
  return files.flatMap((file) => importsOf(file).filter(forbidden).map((edge) => `${file} imports ${edge.specifier}`));
}

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};
const runtimePackages = new Set([...Object.keys(packageJson.dependencies ?? {}), ...Object.keys(packageJson.optionalDependencies ?? {})]);
const nodeBuiltins = new Set(builtinModules);
/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const isRuntime = (specifier: string) =>
  specifier.startsWith('node:') || nodeBuiltins.has(specifier) || runtimePackages.has(packageName(specifier));

/** Member names of an exported interface, read from its source. */
function interfaceMembers(file: string, name: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const declaration = source.statements.find((statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === name);
  if (!declaration) throw new Error(`${name} not found in ${file}`);
  return declaration.members.map((member) => (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : '?'));
}

/** Field names that would mean message text travels somewhere it must not. */
const TEXT_FIELD = /^(text|content|contents|message|messages|prompt|prompts|completion|body|input|output|instructions|value|values|match|matched|snippet|excerpt|raw|plaintext)$/i;

describe('import scanner', () => {
  it('sees static, re-exported, dynamic and type-only imports', () => {
    const appEdges = importsOf('src/gateway/app.ts');
    expect(appEdges.some((edge) => edge.specifier === 'express' && !edge.typeOnly)).toBe(true);
    const outcomeEdges = importsOf('src/gateway/outcome.ts');
    expect(outcomeEdges.find((edge) => edge.target === 'guardrails/core/types.ts')?.typeOnly).toBe(true);
    const clientIndex = importsOf('src/client/index.ts');
    expect(clientIndex.some((edge) => edge.target === 'src/protocol/index.ts')).toBe(true);
  });

  it('covers every room the rules speak of', () => {
    for (const room of ['guardrails', 'enclave-sim', 'src/pipeline', 'src/client', 'src/protocol', 'src/audit', 'src/observability']) {
      expect(sourceFiles(room).length, room).toBeGreaterThan(0);
    }
  });
});

describe('architecture arrows', () => {
  it('guardrails/ imports nothing from src/ or enclave-sim/ (a standalone library)', () => {
    const files = sourceFiles('guardrails', { withTests: true });
    expect(violations(files, (edge) => !!edge.target && under(edge.target, 'src', 'enclave-sim'))).toEqual([]);
  });

  it('src/pipeline/ never imports src/gateway/ (no HTTP in the pipeline)', () => {
    const files = sourceFiles('src/pipeline');
    expect(violations(files, (edge) => !!edge.target && under(edge.target, 'src/gateway'))).toEqual([]);
  });

  it('src/pipeline/ does not load express or node:http (the same code runs inside the enclave worker)', () => {
    const files = sourceFiles('src/pipeline');
    expect(violations(files, (edge) => !edge.typeOnly && ['express', 'node:http', 'http', 'node:https', 'https'].includes(edge.specifier))).toEqual([]);
  });

  it('src/client/ loads only src/client/, src/protocol/ and runtime packages (an app bundles it without the server)', () => {
    const problems: string[] = [];
    for (const entry of sourceFiles('src/client')) {
      for (const [file, path] of runtimeClosure(entry)) {
        if (!under(file, 'src/client', 'src/protocol')) problems.push(`${path.join(' → ')}`);
        if (!existsSync(join(ROOT, file))) continue;
        for (const edge of importsOf(file)) {
          if (!edge.typeOnly && !edge.target && !isRuntime(edge.specifier)) problems.push(`${file} imports ${edge.specifier} (not a runtime dependency)`);
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('src/client/ loads no Node built-in module at run time (node:crypto is found at run time by src/protocol/native-crypto.ts; node:http by a computed import)', () => {
    const problems: string[] = [];
    for (const entry of sourceFiles('src/client')) {
      for (const [file] of runtimeClosure(entry)) {
        if (!existsSync(join(ROOT, file))) continue;
        for (const edge of importsOf(file)) {
          if (!edge.typeOnly && !edge.target && (edge.specifier.startsWith('node:') || nodeBuiltins.has(edge.specifier))) problems.push(`${file} imports ${edge.specifier}`);
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('lower layers (config, store, auth, upstream, protocol, logger) and enclave-sim/ import neither src/gateway/ nor src/cli/; audit never imports the CLI', () => {
    const lower = ['src/config', 'src/store', 'src/auth', 'src/upstream', 'src/protocol', 'src/observability/logger.ts', 'enclave-sim'].flatMap((dir) =>
      dir.endsWith('.ts') ? [dir] : sourceFiles(dir),
    );
    expect(violations(lower, (edge) => !!edge.target && under(edge.target, 'src/gateway', 'src/cli'))).toEqual([]);
    expect(violations(sourceFiles('src/audit'), (edge) => !!edge.target && under(edge.target, 'src/cli'))).toEqual([]);
  });

  it('the main thread never loads the inside of the enclave (worker, key custody): only its host handle and message types', () => {
    const INSIDE = ['enclave-sim/worker.ts', 'enclave-sim/key-custody.ts', 'enclave-sim/pipeline-factory.ts'];
    const outside = [...sourceFiles('src'), ...sourceFiles('guardrails')];
    expect(violations(outside, (edge) => !!edge.target && INSIDE.includes(edge.target))).toEqual([]);
    // The host file itself starts the worker by URL (a separate isolate), never by import.
    expect(violations(['enclave-sim/host.ts'], (edge) => !!edge.target && INSIDE.includes(edge.target) && !edge.typeOnly)).toEqual([]);
  });

  it('src/eval/ (a client of a running gateway) and src/corpus/ (the guardrails library over a corpus) import neither src/gateway/ nor src/pipeline/', () => {
    const files = [...sourceFiles('src/eval'), ...sourceFiles('src/corpus')];
    expect(violations(files, (edge) => !!edge.target && under(edge.target, 'src/gateway', 'src/pipeline'))).toEqual([]);
  });

  it('src/protocol/ (shared by client and enclave) imports only itself', () => {
    const files = sourceFiles('src/protocol');
    expect(violations(files, (edge) => !!edge.target && !under(edge.target, 'src/protocol'))).toEqual([]);
  });
});

describe('audit and metrics receive verdicts and digests, never text', () => {
  // digest-stage.ts is the one audit file that sees content: it runs as a pipeline stage (in the enclave
  // in confidential mode) and turns content into keyed digests before anything reaches the trail.
  const CONTENT_DIGESTERS = new Set(['src/audit/digest-stage.ts', 'src/audit/digest.ts']);
  const auditFiles = sourceFiles('src/audit').filter((file) => !CONTENT_DIGESTERS.has(file));
  const metricsFiles = [...sourceFiles('src/observability').filter((file) => file.endsWith('metrics.ts')), 'src/audit/metrics.ts', 'src/pipeline/guard/metrics.ts'];

  it('audit and metrics code loads nothing that produces or transforms text (pipeline, upstream, detectors, operators)', () => {
    const textSources = ['src/pipeline', 'src/upstream', 'enclave-sim', 'guardrails/pii', 'guardrails/toxicity', 'guardrails/intent', 'guardrails/rules', 'guardrails/text-model'];
    const loadsText = (edge: ImportEdge) => !edge.typeOnly && !!edge.target && under(edge.target, ...textSources);
    expect(violations([...auditFiles, ...metricsFiles], loadsText)).toEqual([]);
  });

  it('RequestOutcome (what observers get) has only the reviewed, text-free fields', () => {
    const fields = interfaceMembers('src/gateway/outcome.ts', 'RequestOutcome');
    expect(fields.filter((field) => TEXT_FIELD.test(field))).toEqual([]);
    // A new field must be reviewed for text before it joins this list. droppedFields: answer field names the output
    // guard dropped, keys of 1-64 word characters with a data key named `<data>` (src/pipeline/guard/dropped.ts), never values.
    expect(fields.sort()).toEqual(
      ['requestId', 'startedAt', 'route', 'method', 'status', 'errorCode', 'tenantId', 'keyId', 'sourceIp', 'model', 'provider', 'stream', 'confidential', 'latencyMs', 'timings', 'usage', 'verdicts', 'digests', 'policyVersion', 'droppedFields', 'measurement'].sort(),
    );
  });

  it('Verdict and Finding carry no matched text', () => {
    expect(interfaceMembers('guardrails/core/types.ts', 'Verdict').sort()).toEqual(['action', 'category', 'count', 'detector', 'score', 'stage']);
    const findingFields = interfaceMembers('guardrails/core/types.ts', 'Finding');
    expect(findingFields.filter((field) => TEXT_FIELD.test(field))).toEqual([]);
  });

  it('RequestContext fields read by audit and metrics are not text', () => {
    const fields = interfaceMembers('src/pipeline/types.ts', 'RequestContext');
    expect(fields.filter((field) => TEXT_FIELD.test(field))).toEqual([]);
  });

  it('the audit record schema is strict and has no text field', () => {
    const recordFields = Object.keys(requestRecord.shape);
    expect(recordFields.filter((field) => TEXT_FIELD.test(field))).toEqual([]);
    expect(Object.keys(verdictRecord.shape).filter((field) => TEXT_FIELD.test(field))).toEqual([]);
    // Strict: a record with an extra (text) field is rejected by readers, not silently kept.
    const digests = requestRecord.shape.digests.unwrap();
    expect(Object.keys(digests.shape).sort()).toEqual(['input', 'output']);
    expect(digests.safeParse({ input: 'hello world' }).success).toBe(false);
  });

  it('Prometheus label names are never text-bearing', () => {
    const labelLists = [...sourceFiles('src'), ...sourceFiles('guardrails')].flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return [...text.matchAll(/labelNames:\s*\[([^\]]*)\]/g)].map((match) => ({ file, labels: [...match[1]!.matchAll(/'([^']+)'|"([^"]+)"/g)].map((m) => m[1] ?? m[2]!) }));
    });
    expect(labelLists.length).toBeGreaterThan(0);
    const textLabels = labelLists.flatMap(({ file, labels }) => labels.filter((label) => TEXT_FIELD.test(label)).map((label) => `${file}: ${label}`));
    expect(textLabels).toEqual([]);
  });
});
