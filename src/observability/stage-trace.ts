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
/**
 * SEALGATE_STAGE_TRACE_WINDOWS=1 (with the trace) also measures `traceWindow`s. Off by default: reading the
 * process's CPU time and context switches costs a few syscalls per window (tens of µs after an idle wait),
 * which would land in the surrounding steps.
 */
const WINDOWS = FILE !== undefined && process.env.SEALGATE_STAGE_TRACE_WINDOWS === '1';

const FLUSH_EVERY = 500;
let names: string[] = [];
let times: bigint[] = [];
let lastMarkOfPrevious: bigint | undefined;
let requests = 0;
/** "a → b" → increments in µs. */
const increments = new Map<string, number[]>();
const order = new Map<string, number>();

interface WindowSample {
  wallMicros: number;
  cpuMicros: number;
  involuntarySwitches: number;
}
/** Window name → samples (see traceWindow). */
const windows = new Map<string, WindowSample[]>();
const closeNothing = (): void => {};

/**
 * Opens a measured window (e.g. the upstream write); call the returned function to close it. Besides the
 * wall-clock time it records this process's CPU time and involuntary context switches inside it: wall time
 * well above CPU time with a switch in most requests means the kernel ran something else on this core there
 * (a process the write woke, say), rather than this process working.
 */
export function traceWindow(name: string): () => void {
  if (!WINDOWS) return closeNothing;
  const switches = process.resourceUsage().involuntaryContextSwitches;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  return () => {
    const wallMicros = Number(process.hrtime.bigint() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const sample = { wallMicros, cpuMicros: used.user + used.system, involuntarySwitches: process.resourceUsage().involuntaryContextSwitches - switches };
    let list = windows.get(name);
    if (!list) windows.set(name, (list = []));
    list.push(sample);
  };
}

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
  const windowRows = [...windows.entries()].map(([window, xs]) => ({
    window,
    n: xs.length,
    medianWallMicros: Math.round(median(xs.map((x) => x.wallMicros)) * 10) / 10,
    medianCpuMicros: median(xs.map((x) => x.cpuMicros)),
    meanInvoluntarySwitches: Math.round((xs.reduce((sum, x) => sum + x.involuntarySwitches, 0) / xs.length) * 100) / 100,
  }));
  writeFileSync(FILE!, JSON.stringify({ requests, pid: process.pid, rows, windows: windowRows }, null, 1));
  // Each file is the last FLUSH_EVERY requests: the warm-up does not blur the steady state.
  increments.clear();
  windows.clear();
}
