/**
 * A JSON config saved with a UTF-8 byte-order mark (PowerShell 5's `Out-File -Encoding utf8`, Notepad) was refused
 * as unparseable ("Unexpected token '﻿', ... is not valid JSON"), though the YAML reader took the same BOM: every
 * CLI command and the gateway stopped on a valid file. The mark is dropped before parsing, as for YAML.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loader.js';

describe('config files with a byte-order mark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-config-bom-'));

  it.each(['json', 'yaml'])('a .%s config with a BOM loads', (ext) => {
    const path = join(dir, `config.${ext}`);
    writeFileSync(path, `\ufeff${ext === 'json' ? '{"server":{"port":9251}}' : 'server:\n  port: 9251\n'}`);
    expect(loadConfig({ path, env: {} }).config.server.port).toBe(9251);
  });
});
