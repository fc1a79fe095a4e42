/**
 * docs/eval.md opens with `npx sealgate serve -c eval.config.yaml &`, but no such file existed: the first command a
 * user copied failed with "config file not found". The checkout now ships it: the defaults (dev key, the demo model)
 * with repeat-offender protection off, so an eval run is judged rather than throttled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/loader.js';

describe('eval.config.yaml', () => {
  it('exists where docs/eval.md says and serves the demo model with repeat offenders off', () => {
    const docs = readFileSync(join(process.cwd(), 'docs/eval.md'), 'utf8');
    const named = /sealgate serve -c (\S+)/.exec(docs)?.[1];
    expect(named).toBe('eval.config.yaml');
    expect(existsSync(join(process.cwd(), named!))).toBe(true);
    const { config } = loadConfig({ path: join(process.cwd(), named!), env: {} });
    expect(config.guardrails.repeatOffenders.enabled).toBe(false);
    expect(config.access.devMode).toBe(true);
    expect(config.upstream.providers.some((p) => p.models.includes('sealgate-demo'))).toBe(true);
  });
});
