/**
 * Train / evaluation split of the presidio-research synthetic corpus (../shared/datasets/pii/presidio-research-synth,
 * MIT). Split by template, not by row: rows of one template share their wording, so a row split would let the
 * NER model memorise the evaluation sentences. Even template ids train, odd ids evaluate — the benchmark
 * scores only the odd (held-out) half.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PRESIDIO_SYNTH_PATH = fileURLToPath(new URL('../../../shared/datasets/pii/presidio-research-synth/presidio-research-synth.jsonl', import.meta.url));

export interface PresidioRow {
  text: string;
  template_id: number;
  spans: Array<{ start: number; end: number; type: string }>;
}

export const isTrainingTemplate = (templateId: number) => templateId % 2 === 0;

export function readPresidioSynth(split: 'train' | 'eval' | 'all', path = PRESIDIO_SYNTH_PATH): PresidioRow[] {
  const rows = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as PresidioRow);
  if (split === 'all') return rows;
  return rows.filter((r) => isTrainingTemplate(r.template_id) === (split === 'train'));
}
