/**
 * Detector factories by name. Adding a detector is adding a file and one line here; factories are
 * lazy (dynamic import) so that a heavy backend loads only when a config names it.
 */
import type { Detector } from './core/types.js';

export type DetectorFactory = (options?: Record<string, unknown>) => Promise<Detector>;

/**
 * Without a prototype: a name is a detector only when it is listed here. On a plain object `constructor`
 * (a valid config key, `[a-z][a-z0-9_-]*`) found Object and "created" a detector without detect(): `sealgate
 * scan --detectors constructor` printed nothing with exit 0, and `toString` failed every line.
 */
export const detectorFactories: Record<string, DetectorFactory> = Object.assign(Object.create(null) as Record<string, DetectorFactory>, {
  pii: async (options?: Record<string, unknown>) => (await import('./pii/index.js')).createPiiDetector(options),
  rules: async (options?: Record<string, unknown>) => (await import('./rules/index.js')).createRulesDetector(options),
  toxicity: async (options?: Record<string, unknown>) => (await import('./toxicity/index.js')).createToxicityDetector(options),
  intent: async (options?: Record<string, unknown>) => (await import('./intent/index.js')).createIntentDetector(options),
} satisfies Record<string, DetectorFactory>);

export async function createDetector(name: string, options?: Record<string, unknown>): Promise<Detector> {
  const factory = Object.hasOwn(detectorFactories, name) ? detectorFactories[name] : undefined;
  if (typeof factory !== 'function') throw new Error(`unknown detector "${name}" (known: ${Object.keys(detectorFactories).join(', ') || 'none'})`);
  const detector = await factory(options);
  if (!detector || typeof detector.detect !== 'function' || typeof detector.name !== 'string') {
    throw new Error(`detector "${name}": its factory returned no detector (a detector has a name and detect())`);
  }
  return detector;
}
