/** Seeded PRNG and helpers: one shared copy in datasets/lib (re-exported so generators keep importing from here). */
import { pick, type Rng } from '../lib/rng.js';

export { createRng, pick, shuffleInPlace, type Rng } from '../lib/rng.js';

/** Fills `{slot}` placeholders from slot lists. */
export function fill(rng: Rng, template: string, slots: Readonly<Record<string, readonly string[]>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const values = slots[name];
    return values ? pick(rng, values) : whole;
  });
}
