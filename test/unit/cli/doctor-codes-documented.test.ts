/**
 * docs/access.md's `sealgate doctor` table is where a user looks up a finding's code. Three codes doctor reports were
 * missing from it: upstream_key_missing, hash_key_per_instance and end_user_ids_relayed. Each is produced here from a
 * real config and must be in the table, and so must every code doctor.ts can emit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/config/loader.js';
import { diagnose } from '../../../src/cli/doctor.js';

const docs = readFileSync(join(process.cwd(), 'docs/access.md'), 'utf8');
const section = docs.slice(docs.indexOf('## `sealgate doctor`'), docs.indexOf('\n## ', docs.indexOf('## `sealgate doctor`') + 1));
const documented = new Set([...section.matchAll(/^\|([^|]+)\|/gm)].flatMap((row) => [...row[1]!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!)));

describe('every sealgate doctor code is in docs/access.md', () => {
  it('the three codes that were missing, produced from real configs', () => {
    const produced = [
      ...diagnose(validateConfig({ upstream: { providers: [{ name: 'openai', type: 'openai', baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'DOCTOR_DOCS_KEY', models: ['m'] }] } }), {}),
      ...diagnose(validateConfig({ redisUrl: 'redis://127.0.0.1:6379' }), {}),
      ...diagnose(validateConfig({ privacy: { endUserIds: 'relay' } }), {}),
    ].map((w) => w.code);
    for (const code of ['upstream_key_missing', 'hash_key_per_instance', 'end_user_ids_relayed']) expect(produced).toContain(code);
    for (const code of produced) expect(documented, code).toContain(code);
  });

  it('each code doctor.ts emits', () => {
    const source = readFileSync(join(process.cwd(), 'src/cli/doctor.ts'), 'utf8');
    const emitted = [...source.matchAll(/code: '([a-z_]+)'/g)].map((m) => m[1]!);
    expect(emitted.length).toBeGreaterThan(10);
    expect(emitted.filter((code) => !documented.has(code))).toEqual([]);
  });
});
