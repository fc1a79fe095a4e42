/**
 * Runs OUTSIDE the gateway's isolate for the canary test (started via enclave-sim/boot.mjs):
 *  - role 'upstream': the fake OpenAI-compatible model (it legitimately sees plaintext: it is the model);
 *  - role 'client':   the openai SDK in confidential mode. It invents the canary, sends it, and only
 *                     reveals it when asked, after the gateway's heap has been snapshotted.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { randomBytes } from 'node:crypto';
import OpenAI from 'openai';
import { startFakeUpstream } from '../fixtures/fake-upstream.js';
import { createConfidentialFetch } from '../../src/client/index.js';

const port = parentPort!;
const data = workerData as { role: 'upstream' } | { role: 'client'; gatewayUrl: string; apiKey: string; rootPublicKey: string; measurement: string };

if (data.role === 'upstream') {
  const fake = await startFakeUpstream();
  port.on('message', (message: { type: string }) => {
    if (message.type === 'close') void fake.close().then(() => port.close());
  });
  port.postMessage({ type: 'ready', url: fake.url });
} else {
  const canary = `CANARY${randomBytes(12).toString('hex')}`;
  const wireBytes: Buffer[] = [];
  const wire: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const bytes = Buffer.from(await response.arrayBuffer());
    wireBytes.push(bytes);
    return new Response(bytes, { status: response.status, headers: response.headers });
  };
  const openai = new OpenAI({
    apiKey: data.apiKey,
    baseURL: `${data.gatewayUrl}/v1`,
    maxRetries: 0,
    fetch: createConfidentialFetch({ gatewayUrl: data.gatewayUrl, rootPublicKey: data.rootPublicKey, allowedMeasurements: [data.measurement], fetch: wire }),
  });
  const results: string[] = [];
  const prompt = `my secret is ${canary} please keep it`;
  const answer = await openai.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: prompt }] });
  results.push(answer.choices[0]!.message.content ?? '');
  const stream = await openai.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: prompt }], stream: true });
  let streamed = '';
  for await (const chunk of stream) streamed += chunk.choices[0]?.delta?.content ?? '';
  results.push(streamed);
  // An error path: a model the gateway does not serve (the body, with the canary, stays sealed).
  const failure = await openai.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: prompt }] }).catch((e: unknown) => e);
  const errorBodies = wireBytes.filter((b) => b.toString('utf8').includes('"error"')).map((b) => b.toString('utf8'));
  port.postMessage({
    type: 'done',
    echoed: results.every((r) => r.includes(canary)),
    failedAsExpected: (failure as { status?: number }).status === 404,
    errorBodiesWithCanary: errorBodies.filter((b) => b.includes(canary)).length,
    wireWithCanary: wireBytes.filter((b) => b.includes(canary)).length,
  });
  port.once('message', () => port.postMessage({ type: 'canary', canary }));
}
