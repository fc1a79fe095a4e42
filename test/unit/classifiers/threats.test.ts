/** Threats and their benign twins (datasets/classifiers/threats.ts) and the threat entries of the toxicity lexicon (issue 4). */
import { describe, expect, it } from 'vitest';
import { threatStatements } from '../../../datasets/classifiers/threats.js';
import { SHORT_BENIGN_EN, SHORT_BENIGN_ZH } from '../../../datasets/classifiers/short-utterances.js';
import { normalizeForModel } from '../../../guardrails/text-model/evasion.js';
import { toxicityLexicon } from '../../../guardrails/toxicity/lexicon.js';

const tagsThreat = (text: string): boolean => toxicityLexicon.match(normalizeForModel(text)).includes('toxicity.threat');

describe('threat generator (datasets/classifiers/threats.ts)', () => {
  it('is deterministic, alternates EN / ZH and keeps the requested benign share', () => {
    const rows = threatStatements(49, 2000, 0.6);
    expect(rows).toEqual(threatStatements(49, 2000, 0.6));
    expect(rows.every((r, i) => r.lang === (i % 2 === 1 ? 'zh' : 'en') && r.source === 'sealgate-threats')).toBe(true);
    const benign = rows.filter((r) => r.label === 'non_toxic').length / rows.length;
    expect(benign).toBeGreaterThan(0.55);
    expect(benign).toBeLessThan(0.65);
    expect(rows.every((r) => !/\{\w+\}/.test(r.text))).toBe(true);
  });

  it('puts the violent words on both sides, so that they are not the signal', () => {
    const rows = threatStatements(49, 3000, 0.6);
    for (const word of [/\bkill/i, /know where you live/i, /\bdead\b/i, /弄死你/, /我知道你住哪/, /杀/]) {
      expect(rows.some((r) => r.label === 'toxic' && word.test(r.text))).toBe(true);
      expect(rows.some((r) => r.label === 'non_toxic' && word.test(r.text))).toBe(true);
    }
  });

  it('holds none of the hand-written short benign utterances (evaluation only)', () => {
    const texts = new Set(threatStatements(49, 3000, 0.6).map((r) => normalizeForModel(r.text).replace(/[.!?。！？\s]+$/u, '')));
    for (const s of [...SHORT_BENIGN_EN, ...SHORT_BENIGN_ZH]) expect(texts.has(normalizeForModel(s).replace(/[.!?。！？\s]+$/u, ''))).toBe(false);
  });
});

describe('toxicity.threat lexicon entries', () => {
  it('tag veiled, conditional, family and extortion threats (EN + ZH)', () => {
    for (const t of [
      'I know where you live.',
      'Nice car. It would be a shame if something happened to it.',
      'Say one more word and I will break your legs.',
      'Pay me or your photos go to your boss.',
      'ur dead when i find u',
      '你家在哪我清楚',
      '你再报警，我就打断你的腿',
      '不给钱就把你的照片发出去',
      '限你三天内还钱，否则后果自负',
    ]) expect(tagsThreat(t), t).toBe(true);
  });

  it('leave idioms, tech, games and questions without a threat verb untagged', () => {
    for (const t of ['Break a leg tonight!', 'You killed it on stage.', 'Kill the process on port 3000.', 'Thanks, I will kill the process now', 'I\'m going to kill it at the audition.', 'How do I report a threat I received online?', '笑死我了', '打死也不信', '干掉这个bug', '杀毒软件', '被人威胁怎么办？']) {
      expect(tagsThreat(t), t).toBe(false);
    }
    expect([...SHORT_BENIGN_EN, ...SHORT_BENIGN_ZH].filter(tagsThreat)).toEqual([]);
  });
});

describe('toxicity detector on threats (committed weights, trained with the threat generator)', async () => {
  const { createToxicityDetector } = await import('../../../guardrails/toxicity/index.js');
  const tox = await createToxicityDetector();
  const flagged = async (text: string): Promise<string[]> => (await tox.detect(text)).filter((f) => f.meta?.flagged === true).map((f) => f.category);

  it.each(['Keep posting about me and I will make sure you end up in a ditch', '三天之内不还钱，你就等着瞧吧'])('flags a threat and tags it toxicity.threat: %s', async (text) => {
    expect(await flagged(text)).toEqual(expect.arrayContaining(['toxicity.toxic', 'toxicity.threat']));
  });

  it.each(['Thanks, I will kill the process now', 'My sister crushed it at the recital yesterday', '这个进程卡住了，帮我干掉它'])('does not flag a violent word in a benign sentence: %s', async (text) => {
    expect(await flagged(text)).toEqual([]);
  });
});
