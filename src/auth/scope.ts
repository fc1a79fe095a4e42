/** Model scopes and limits: intersect them, and check that a narrower scope really is narrower. */
import type { Limits, ModelScope } from '../config/sections/access.js';

export function intersectModels(...scopes: (ModelScope | undefined)[]): ModelScope {
  let result: ModelScope = '*';
  for (const scope of scopes) {
    if (scope === undefined || scope === '*') continue;
    result = result === '*' ? [...scope] : result.filter((m) => scope.includes(m));
  }
  return result;
}

export function modelAllowed(scope: ModelScope | readonly string[], model: string): boolean {
  return scope === '*' || scope.includes(model);
}

/** Is `inner` ⊆ `outer`? */
export function modelsWithin(inner: ModelScope, outer: ModelScope): boolean {
  if (outer === '*') return true;
  if (inner === '*') return false;
  return inner.every((m) => outer.includes(m));
}

const AXES = ['requestsPerMinute', 'tokensPerMinute', 'concurrentRequests'] as const;

/** The tighter of two limits on every axis (undefined = unlimited). */
export function tighterLimits(a: Limits | undefined, b: Limits | undefined): Limits {
  const out: Limits = {};
  for (const axis of AXES) {
    const x = a?.[axis];
    const y = b?.[axis];
    const v = x === undefined ? y : y === undefined ? x : Math.min(x, y);
    if (v !== undefined) out[axis] = v;
  }
  return out;
}

/** Does `requested` stay within `allowed` on every axis it sets? (Axes it leaves out inherit `allowed`.) */
export function limitsWithin(requested: Limits, allowed: Limits): boolean {
  return AXES.every((axis) => {
    const r = requested[axis];
    const a = allowed[axis];
    return r === undefined || a === undefined || r <= a;
  });
}
