/**
 * What a result file says about the machine it was measured on. These benchmarks run on shared
 * 2-core VMs whose speed drifts by 2x between evenings (noisy neighbours: the same code and the same
 * peers measured twice as slow), so each run also records `calibrationMs`: the fastest of five runs
 * of one fixed CPU workload (a JS loop, JSON round trips, SHA-256 of 1 MiB), and `loopbackRoundTripUs`
 * (system calls and wake-ups, which proxies pay per request). Absolute figures of two runs compare
 * only when their calibrations are close; ratios within a run always compare.
 */
import { createHash } from 'node:crypto';
import { createServer, connect, type AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { round } from './stats.js';

export interface MachineInfo {
  node: string;
  cpus: number;
  cpuModel: string;
  /** 1-minute load average when the run ended. */
  loadavg1mAtEnd: number;
  /** Fixed workload, fastest of 5 (ms): lower = faster host. */
  calibrationMs: number;
  /**
   * Median round trip of 1 byte over loopback TCP between two sockets of this process (µs): what
   * system calls and thread wake-ups cost on this host right now, which the servers pay per request.
   */
  loopbackRoundTripUs: number;
}

const PAYLOAD = { model: 'calibration', messages: Array.from({ length: 8 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `message ${i} `.repeat(20) })) };
const MEBIBYTE = Buffer.alloc(1 << 20, 7);

function workload(): number {
  let sink = 0;
  for (let i = 0; i < 20_000_000; i++) sink = (sink + (i & 7)) | 0;
  for (let i = 0; i < 3_000; i++) sink += (JSON.parse(JSON.stringify(PAYLOAD)) as typeof PAYLOAD).messages.length;
  for (let i = 0; i < 20; i++) sink += createHash('sha256').update(MEBIBYTE).digest()[0]!;
  return sink;
}

export function calibrate(): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    workload();
    best = Math.min(best, performance.now() - start);
  }
  return round(best, 1);
}

export async function loopbackRoundTrip(trips = 2000): Promise<number> {
  const server = createServer((socket) => socket.on('data', (chunk) => socket.write(chunk)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  client.setNoDelay(true);
  await new Promise((resolve) => client.once('connect', resolve));
  const samples: number[] = [];
  for (let i = 0; i < trips; i++) {
    const start = performance.now();
    await new Promise<void>((resolve) => {
      client.once('data', () => resolve());
      client.write('x');
    });
    samples.push((performance.now() - start) * 1000);
  }
  client.destroy();
  await new Promise((resolve) => server.close(resolve));
  samples.sort((a, b) => a - b);
  return round(samples[samples.length >> 1]!, 1);
}

/** Call at the end of a run (the load average is the run's); calibrates then (~1 s). */
export async function machineInfo(): Promise<MachineInfo> {
  const loadavg1mAtEnd = round(loadavg()[0]!, 2);
  return { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadavg1mAtEnd, calibrationMs: calibrate(), loopbackRoundTripUs: await loopbackRoundTrip() };
}
