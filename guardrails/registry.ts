/**
 * Detector factories by name. Adding a detector is adding a file and one line here; factories are
 * lazy (dynamic import) so that a heavy backend loads only when a config names it.
 */
import type { Detector } from './core/types.js';

export type DetectorFactory = (options?: Record<string, unknown>) => Promise<Detector>;

export const detectorFactories: Record<string, DetectorFactory> = {
  pii: async (options) => (await import('./pii/index.js')).createPiiDetector(options),
  rules: async (options) => (await import('./rules/index.js')).createRulesDetector(options),
  toxicity: async (options) => (await import('./toxicity/index.js')).createToxicityDetector(options),
  intent: async (options) => (await import('./intent/index.js')).createIntentDetector(options),
};

export async function createDetector(name: string, options?: Record<string, unknown>): Promise<Detector> {
  const factory = detectorFactories[name];
  if (!factory) throw new Error(`unknown detector "${name}" (known: ${Object.keys(detectorFactories).join(', ') || 'none'})`);
  return factory(options);
}
