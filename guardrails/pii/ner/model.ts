/**
 * The English name/place/organisation tagger: an averaged perceptron over token features (features.ts),
 * greedy left-to-right decoding, trained by ner/train.ts on the presidio-research synthetic rows of the
 * training template half only (see guardrails/models/PII_MODEL_CARD.md). Weights are a small JSON map.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { TAG_COUNT, TAGS, dictCode, featuresOf, isCandidate, tokenize } from './features.js';

export const WEIGHTS_URL = new URL('./en-ner.weights.json', import.meta.url);

const weightsFileSchema = z.object({
  format: z.literal('sealgate-pii-ner-1'),
  tags: z.array(z.string()),
  /** Words seen lower-case in ordinary English prose (a capitalised one is likely a sentence start, not a name). */
  commonWords: z.array(z.string()),
  features: z.record(z.string(), z.array(z.number())),
});
export type WeightsFile = z.infer<typeof weightsFileSchema>;

export interface TaggedSpan {
  type: 'PERSON' | 'LOCATION' | 'ORGANIZATION';
  start: number;
  end: number;
  /** Mean per-token margin of the chosen tag over the best other tag (≥ 0). */
  margin: number;
}

export class NerModel {
  private readonly weights: Map<string, Float32Array>;
  private readonly scratch: string[] = [];
  private readonly scores = new Float32Array(TAG_COUNT);

  private readonly commonWords: ReadonlySet<string>;

  constructor(weights: Map<string, Float32Array>, commonWords: ReadonlySet<string>) {
    this.weights = weights;
    this.commonWords = commonWords;
  }

  static load(url: URL = WEIGHTS_URL): NerModel {
    const file = weightsFileSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
    if (file.tags.join() !== TAGS.join()) throw new Error('pii ner weights: tag set does not match this build');
    const map = new Map<string, Float32Array>();
    for (const [f, w] of Object.entries(file.features)) map.set(f, Float32Array.from(w));
    return new NerModel(map, new Set(file.commonWords));
  }

  /** Tags of every token (0 = O) plus the margin of each decision. */
  tagTokens(text: string): { tokens: ReturnType<typeof tokenize>; tags: Uint8Array; margins: Float32Array } {
    const tokens = tokenize(text);
    const tags = new Uint8Array(tokens.length);
    const margins = new Float32Array(tokens.length);
    const dicts: string[] = new Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) dicts[i] = dictCode(tokens[i]!.lower, this.commonWords);
    let prev = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (!isCandidate(tokens, i, prev)) {
        prev = 0;
        continue;
      }
      featuresOf(tokens, dicts, i, prev, this.scratch);
      const s = this.scores;
      s.fill(0);
      for (const f of this.scratch) {
        const w = this.weights.get(f);
        if (w) for (let k = 0; k < TAG_COUNT; k++) s[k]! += w[k]!;
      }
      let best = 0;
      let second = -Infinity;
      for (let k = 1; k < TAG_COUNT; k++) {
        // I-X only continues B-X / I-X.
        if (k % 2 === 0 && prev !== k && prev !== k - 1) continue;
        if (s[k]! > s[best]!) best = k;
      }
      for (let k = 0; k < TAG_COUNT; k++) if (k !== best && s[k]! > second && !(k % 2 === 0 && k > 0 && prev !== k && prev !== k - 1)) second = s[k]!;
      tags[i] = best;
      margins[i] = s[best]! - second;
      prev = best;
    }
    return { tokens, tags, margins };
  }

  /** Entity spans (contiguous B/I runs). */
  spans(text: string): TaggedSpan[] {
    const { tokens, tags, margins } = this.tagTokens(text);
    const out: TaggedSpan[] = [];
    let open: TaggedSpan | undefined;
    let count = 0;
    for (let i = 0; i <= tokens.length; i++) {
      const tag = i < tokens.length ? tags[i]! : 0;
      const continues = open && tag !== 0 && tag % 2 === 0;
      if (continues) {
        open!.end = tokens[i]!.end;
        open!.margin += margins[i]!;
        count++;
        continue;
      }
      if (open) {
        open.margin /= count;
        out.push(open);
        open = undefined;
      }
      if (tag !== 0 && tag % 2 === 1) {
        open = { type: TAGS[tag]!.slice(2) as TaggedSpan['type'], start: tokens[i]!.start, end: tokens[i]!.end, margin: margins[i]! };
        count = 1;
      }
    }
    return out;
  }
}
