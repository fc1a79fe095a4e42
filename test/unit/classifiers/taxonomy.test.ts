/** One taxonomy: every id the classifiers can emit is defined, mapped, and documented. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTENT_CATEGORIES, LLAMA_GUARD_HAZARDS, TAXONOMY, TC260_RISKS, TOXICITY_CATEGORIES, isTaxonomyId } from '../../../guardrails/core/taxonomy.js';
import { HARM_LEXICON } from '../../../guardrails/intent/harm-lexicon.js';
import { TOXICITY_LEXICON } from '../../../guardrails/toxicity/lexicon.js';
import { readManifest } from '../../../guardrails/text-model/model.js';

describe('taxonomy', () => {
  it('has unique ids, valid Llama Guard codes and TC260-003 items', () => {
    expect(new Set(TAXONOMY.map((c) => c.id)).size).toBe(TAXONOMY.length);
    for (const c of TAXONOMY) {
      for (const code of c.llamaGuard) expect(LLAMA_GUARD_HAZARDS[code]).toBeDefined();
      expect(c.tc260.length).toBeGreaterThan(0);
      for (const item of c.tc260) expect(TC260_RISKS[item]).toBeDefined();
    }
  });

  it('covers the categories of the issue', () => {
    expect(Object.values(TOXICITY_CATEGORIES).map((c) => c.id)).toEqual(expect.arrayContaining(['toxicity.insult', 'toxicity.hate', 'toxicity.threat', 'toxicity.sexual', 'toxicity.self_harm', 'toxicity.profanity']));
    expect(Object.values(INTENT_CATEGORIES).map((c) => c.id)).toEqual(expect.arrayContaining([
      'intent.prompt_injection', 'intent.jailbreak', 'intent.harmful.violent_crime', 'intent.harmful.weapons_cbrn', 'intent.harmful.cybercrime', 'intent.harmful.fraud',
      'intent.harmful.drugs', 'intent.harmful.child_sexual', 'intent.harmful.self_harm', 'intent.harmful.hate', 'intent.harmful.privacy', 'intent.harmful.political_extremist',
    ]));
  });

  it('model heads and lexicon categories are taxonomy ids, and docs/taxonomy.md lists every id', () => {
    const doc = readFileSync(new URL('../../../docs/taxonomy.md', import.meta.url), 'utf8');
    const ids = [...Object.keys(TOXICITY_LEXICON), ...Object.keys(HARM_LEXICON), ...['toxicity', 'intent'].flatMap((m) => readManifest(m).heads.map((h) => h.category))];
    for (const id of ids) expect(isTaxonomyId(id)).toBe(true);
    for (const c of TAXONOMY) expect(doc).toContain(`\`${c.id}\``);
  });
});
