/**
 * A development trace of where the wall-clock time of a request goes, stage by stage
 * (`SEALGATE_STAGE_TRACE=<file>`; off, every call is one branch on a constant). It assumes ONE request
 * at a time — the sequential probe of bench/gateway-ladder.ts — so marks go to a single timeline
 * started by `traceRequestStart()`; under concurrency the numbers are meaningless. Every 500 requests it
 * writes the median microseconds between consecutive marks (and since the previous request's last
 * mark) to the file as JSON. Marks are stage names, never content.
 */
import { writeFileSync } from 'node:fs';

const FILE = process.env.SEALGATE_STAGE_TRACE || undefined;
export const stageTraceEnabled = FILE !== undefined;

const FLUSH_EVERY = 500;
let names: string[] = [];
let times: bigint[] = [];
let lastMarkOfPrevious: bigint | undefined;
let requests = 0;
/** "a → b" → increments in µs. */
const increments = new Map<string, number[]>();
const order = new Map<string, number>();

/** Starts a request's timeline (the gateway's server calls it when node hands a request over). */
export function traceRequestStart(): void {
  if (FILE === undefined) return;
  if (names.length) finish();
  const now = process.hrtime.bigint();
  // Includes node's parse of the new request; much more than that means the process sat idle (waiting
  // for the client), i.e. the previous request's post-response work was over before this one arrived.
  if (lastMarkOfPrevious !== undefined) add('(previous request, last mark) → arrival', now - lastMarkOfPrevious);
  names = ['arrival'];
  times = [now];
}

/** Marks the end of a stage on the current request's timeline. */
export function traceMark(name: string): void {
  if (FILE === undefined || names.length === 0) return;
  names.push(name);
  times.push(process.hrtime.bigint());
}

function add(key: string, ns: bigint): void {
  let list = increments.get(key);
  if (!list) increments.set(key, (list = []));
  list.push(Number(ns) / 1000);
}

function finish(): void {
  for (let i = 1; i < names.length; i++) {
    const key = `${names[i - 1]} → ${names[i]}`;
    add(key, times[i]! - times[i - 1]!);
    if (!order.has(key)) order.set(key, order.size);
  }
  add('arrival → last mark', times[times.length - 1]! - times[0]!);
  lastMarkOfPrevious = times[times.length - 1];
  names = [];
  times = [];
  if (++requests % FLUSH_EVERY === 0) write();
}

function write(): void {
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const rows = [...increments.entries()]
    .sort(([a], [b]) => (order.get(a) ?? -1) - (order.get(b) ?? -1))
    .map(([step, xs]) => ({ step, n: xs.length, medianMicros: Math.round(median(xs) * 10) / 10 }));
  writeFileSync(FILE!, JSON.stringify({ requests, pid: process.pid, rows }, null, 1));
  // Each file is the last FLUSH_EVERY requests: the warm-up does not blur the steady state.
  increments.clear();
}
