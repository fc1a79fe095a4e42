import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AhoCorasick, checkRegexSafety, compileRuleSet, findNestedQuantifier, RuleSetError } from './index.js';

function naiveMatches(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, i) => {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) out.push(`${i}:${at}:${at + p.length}`);
  });
  return out.sort();
}

describe('AhoCorasick', () => {
  it('finds every overlapping occurrence (classic he/she/his/hers)', () => {
    const ac = AhoCorasick.build(['he', 'she', 'his', 'hers']);
    const found: string[] = [];
    ac.forEachMatch('ushers', (i, s, e) => found.push(`${i}:${s}:${e}`));
    expect(found.sort()).toEqual(['0:2:4', '1:1:4', '3:2:6']);
  });

  it('agrees with a naive scan on random dictionaries and texts (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '中', '文');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (patterns, text) => {
        const ac = AhoCorasick.build(patterns);
        const found: string[] = [];
        ac.forEachMatch(text, (i, s, e) => found.push(`${i}:${s}:${e}`));
        expect(found.sort()).toEqual(naiveMatches(patterns, text));
      }),
      { numRuns: 300 },
    );
  });

  it('matches against a 100,000-term library in one pass', () => {
    const terms: string[] = [];
    for (let i = 0; i < 100_000; i++) terms.push(`term${i.toString(36)}x`);
    terms.push('违禁词');
    const ac = AhoCorasick.build(terms);
    const found: number[] = [];
    ac.forEachMatch('hello term2bix and 这里有违禁词 ok', (i) => found.push(i));
    expect(found.map((i) => terms[i])).toEqual(['term2bix', '违禁词'].filter((t) => terms.includes(t)));
    expect(found.length).toBe(2);
  });
});

describe('regex safety', () => {
  it.each([
    ['(a+)+$', 'nested'],
    ['^(\\w+\\s?)+$', 'nested'],
    ['(x*)*y', 'nested'],
    ['^(a|a)+$', 'catastrophic'],
    ['^(a|aa)+$', 'nested|catastrophic'],
  ])('rejects %s', (pattern, reason) => {
    const check = checkRegexSafety(pattern, '');
    expect(check.ok).toBe(false);
    expect(check.reason).toMatch(new RegExp(reason));
  });

  it.each(['\\b(?:sk|pk)-[A-Za-z0-9]{20,}\\b', 'PROJ-\\d{4}', '(?:内部|机密)文件', '(foo|bar)+baz'])('accepts %s', (pattern) => {
    expect(checkRegexSafety(pattern, 'i')).toEqual({ ok: true });
  });

  it('rejects invalid syntax, bad flags and empty matches with a reason', () => {
    expect(checkRegexSafety('(', '').reason).toMatch(/invalid regex/);
    expect(checkRegexSafety('a', 'g').reason).toMatch(/unsupported flags/);
    expect(checkRegexSafety('a*', '').reason).toMatch(/empty string/);
    expect(findNestedQuantifier('(?:ab)+c')).toBeUndefined();
  });
});

describe('rule set detector', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  writeFileSync(join(dir, 'drugs.txt'), '# banned\nmethamphetamine\n冰毒\n\n');
  const rules = compileRuleSet(
    {
      keywords: [
        { id: 'banned', category: 'rules.banned_terms', terms: ['ass', 'Secret Project'], files: ['drugs.txt'] },
      ],
      regexes: [{ id: 'ticket', category: 'rules.internal_id', pattern: 'PROJ-\\d{4}' }],
      topics: [{ id: 'politics', keywords: ['选举'], classifierCategories: ['intent.harmful_request.*'] }],
      allow: { terms: ['secret project announcement'] },
      knowledgeBase: [{ id: 'drugs-help', categories: ['rules.banned_terms'], answers: { en: 'Call the helpline.', zh: '请拨打求助热线。' } }],
    },
    { baseDir: dir },
  );

  it('matches terms after normalisation and case folding, mapping spans to the original', () => {
    const text = 'Where to buy ＭＥＴＨ\u200bAMPHETAMINE? Also 冰毒.';
    const findings = rules.detect(text);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['ＭＥＴＨ\u200bAMPHETAMINE', '冰毒']);
    expect(findings.every((f) => f.category === 'rules.banned_terms' && f.meta?.rule === 'banned')).toBe(true);
  });

  it('applies word boundaries to Latin terms but not CJK', () => {
    expect(rules.detect('first class passage')).toEqual([]);
    expect(rules.detect('you ass!').length).toBe(1);
    expect(rules.detect('关于选举的问题')[0]?.category).toBe('topic.politics');
  });

  it('runs regex rules and derives topics from classifier categories', () => {
    expect(rules.detect('see PROJ-1234 now')[0]).toMatchObject({ detector: 'rules.regex', category: 'rules.internal_id', start: 4, end: 13 });
    const derived = rules.topicsFromClassifiers([{ detector: 'intent', category: 'intent.harmful_request.weapons', start: 0, end: 5, score: 0.9 }]);
    expect(derived[0]).toMatchObject({ category: 'topic.politics', meta: { via: 'intent.harmful_request.weapons' } });
  });

  it('regex rules also match what the model reads: full-width forms and invisible characters (spans in the original)', () => {
    // On the raw text only, each of these passed `PROJ-\d{4}` while the keyword rules caught the same tricks.
    for (const id of ['ＰＲＯＪ－１２３４', 'PROJ-12\u200b34', 'PR\u00adOJ-1234', 'PROJ-𝟏𝟐𝟑𝟒', 'PROJ\u2060-1234']) {
      const text = `see ${id} now`;
      const found = rules.detect(text).filter((f) => f.detector === 'rules.regex');
      expect(found.map((f) => text.slice(f.start, f.end)), JSON.stringify(id)).toEqual([id]);
    }
    // Found once when the raw text already matches; a rule for the raw characters themselves still works.
    expect(rules.detect('PROJ-1234 and ＰＲＯＪ－５６７８').filter((f) => f.detector === 'rules.regex').map((f) => [f.start, f.end])).toEqual([[0, 9], [14, 23]]);
    const zeroWidth = compileRuleSet({ regexes: [{ id: 'zw', pattern: '\u200b' }] });
    expect(zeroWidth.detect('a\u200bb')).toMatchObject([{ start: 1, end: 2 }]);
  });

  it('keywords match through Cyrillic/Greek look-alikes and small capitals; a Cyrillic term still matches Cyrillic text', () => {
    // 'Sеcrеt Prојеct' with Cyrillic е and ј read as the Latin words and passed the rule.
    for (const text of ['the Sеcrеt Prојеct', 'the SECRET PRОJECT', 'the sᴇᴄʀᴇᴛ ᴘʀᴏᴊᴇᴄᴛ', 'the secret prοject']) {
      const found = rules.detect(text).filter((f) => f.meta?.rule === 'banned');
      expect(found.map((f) => text.slice(f.start, f.end)), text).toEqual([text.slice(4)]);
    }
    const cyrillic = compileRuleSet({ keywords: [{ id: 'ru', terms: ['секрет'] }] });
    expect(cyrillic.detect('это секрет!')).toMatchObject([{ start: 4, end: 10 }]);
  });

  it('regex rules read Cyrillic/Greek look-alike capitals and dashes as Latin, case kept', () => {
    // 'РROJ-1234' (Cyrillic Р), 'PRОJ‐1234' (Cyrillic О, U+2010 hyphen), 'ΡROJ−1234' (Greek Ρ, minus sign) passed PROJ-\d{4}.
    for (const id of ['\u0420ROJ-1234', 'PR\u041eJ\u20101234', '\u03a1ROJ\u22121234', 'ＰＲ\u041eＪ－１２３４']) {
      const text = `see ${id} now`;
      const found = rules.detect(text).filter((f) => f.detector === 'rules.regex');
      expect(found.map((f) => text.slice(f.start, f.end)), JSON.stringify(id)).toEqual([id]);
    }
    // Case is the rule's business (flags): under a case-sensitive rule a look-alike lower-case letter is no capital.
    const strict = compileRuleSet({ regexes: [{ id: 'strict', pattern: 'PROJ-\\d{4}', flags: '' }] });
    expect(strict.detect('see PR\u041eJ-1234 now')).toHaveLength(1);
    expect(strict.detect('see pr\u043ej-1234 now')).toEqual([]);
  });

  it('a keyword split by any white space the model reads as a space still matches', () => {
    for (const space of ['\u2028', '\u2029', '\u1680', '\u2003', '\u00a0', '\t', ' \n ']) {
      expect(rules.detect(`the secret${space}project`).length, JSON.stringify(space)).toBe(1);
    }
  });

  it('allow-lists exempt findings inside known-safe terms', () => {
    const text = 'Read the Secret Project announcement. The secret project is late.';
    const kept = rules.filterAllowed(text, rules.detect(text));
    expect(kept.length).toBe(1);
    expect(kept[0]!.start).toBe(text.lastIndexOf('secret project'));
  });

  it('finds the vetted answer for a finding', () => {
    expect(rules.findAnswer(rules.detect('冰毒'))?.answers.zh).toBe('请拨打求助热线。');
  });

  it('rejects a catastrophic regex and a missing term file at compile time', () => {
    expect(() => compileRuleSet({ regexes: [{ id: 'bad', pattern: '(a+)+b' }] })).toThrow(RuleSetError);
    // A spec of the wrong shape names the field in one readable line, not a ZodError's JSON dump of issues.
    expect(() => compileRuleSet({ keywords: [{ id: 'k' }] } as never)).toThrow(RuleSetError);
    expect(() => compileRuleSet({ keywords: [{ id: 'k' }] } as never)).toThrow(/invalid rule set: .*keyword list "k" has no terms or files/);
    expect(() => compileRuleSet({ keywords: [{ id: 'k' }] } as never)).not.toThrow(/^\[/);
    expect(() => compileRuleSet({ keywords: [{ id: 'k', files: ['nope.txt'] }] }, { baseDir: dir })).toThrow(/cannot read term file "nope.txt": ENOENT/);
  });
});
