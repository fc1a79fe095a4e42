/**
 * `sealgate serve` as a real process: starts from a config file, answers the openai SDK, keeps
 * prompts and keys out of its logs, drains an in-flight stream on SIGTERM and exits 0, and refuses
 * to start (exit 1, field named) on an invalid config.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { DEV_API_KEY } from '../../src/config/sections/access.js';

const dir = mkdtempSync(join(tmpdir(), 'sealgate-serve-'));
const BIN = join(process.cwd(), 'bin/sealgate.mjs');
const children: ChildProcessWithoutNullStreams[] = [];

function serve(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', SEALGATE_PORT: '0' } });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (): void => {
      const line = stdout.split('\n').find((l) => l.includes('"sealgate listening"'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    };
    child.stdout.on('data', onData);
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  listening.catch(() => undefined); // the refusing-to-start case never listens

  return { child, listening, exited, output: () => stdout + stderr };
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('sealgate serve', () => {
  it('serves, logs no content, and drains an in-flight stream on SIGTERM', async () => {
    const config = join(dir, 'ok.yaml');
    writeFileSync(config, 'server: { shutdownGraceMs: 10000 }\naccess: { devMode: true, keysFile: keys.json }\n');
    const proc = serve(['--config', config, '--host', '127.0.0.1']);
    const url = await proc.listening;
    const client = new OpenAI({ apiKey: DEV_API_KEY, baseURL: `${url}/v1`, maxRetries: 0 });

    const secret = 'Private-Marker-4242 13812345678';
    const reply = await client.chat.completions.create({ model: 'sealgate-demo', messages: [{ role: 'user', content: `[[echo]] ${secret}` }] });
    expect(reply.choices[0]!.message.content).toBe(secret);

    const stream = await client.chat.completions.create({ model: 'sealgate-demo', stream: true, messages: [{ role: 'user', content: '[[tokens: 12]] [[delay: 40]]' }] });
    // SIGTERM as soon as the answer has started; the whole answer must still arrive.
    // (Output guardrails may regroup tokens into larger chunks, so count words, not chunks.)
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.content;
      if (delta && !text) proc.child.kill('SIGTERM');
      text += delta ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text.split(' ')).toHaveLength(12);
    expect(finish).toBe('stop');
    expect(await proc.exited).toBe(0);
    const logs = proc.output();
    expect(logs).toContain('shutdown complete');
    // The stream was still in flight when shutdown began: its request line comes after it.
    const lines = logs.split('\n');
    const shutdownAt = lines.findIndex((l) => l.includes('shutting down'));
    const streamDoneAt = lines.findIndex((l) => l.includes('"msg":"request"') && l.includes('"stream":true'));
    expect(shutdownAt).toBeGreaterThan(-1);
    expect(streamDoneAt).toBeGreaterThan(shutdownAt);
    expect(logs).not.toContain('Private-Marker');
    expect(logs).not.toContain('13812345678');
    expect(logs).not.toContain(DEV_API_KEY);
  });

  it('refuses to start on an invalid config, naming the field', async () => {
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'server:\n  bodyLimit: lots\n');
    const proc = serve(['--config', config]);
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toMatch(/sealgate serve: Invalid config[\s\S]*server\.bodyLimit: a size like/);
  });
});
