/**
 * Custom rule lists as a Detector: keyword libraries (one Aho-Corasick pass), regexes validated
 * against catastrophic backtracking, deny-topics, allow-lists and the vetted-answer knowledge base.
 */
import type { Detector } from '../core/types.js';
import { compileRuleSet, type CompileOptions } from './rule-set.js';
import type { RuleSetSpecInput } from './schema.js';

export { AhoCorasick } from './aho-corasick.js';
export { checkRegexSafety, findNestedQuantifier } from './regex-safety.js';
export { compileRuleSet, confineTermFile, decodeUtf8, parseTermList, readTermFile, RuleSet, RuleSetError, RULES_DETECTOR, termFilesOf, type CompileOptions } from './rule-set.js';
export { RuleLayers } from './layers.js';
export { globMatches, globsOverlap, globSpecificity } from './glob.js';
export { foldTerm, prepareForMatching } from './fold.js';
export * from './schema.js';

/** Registry factory: `createDetector('rules', { rules: {...}, baseDir })`. */
export async function createRulesDetector(options: { rules?: RuleSetSpecInput } & CompileOptions = {}): Promise<Detector> {
  return compileRuleSet(options.rules ?? {}, options).detector;
}
