/**
 * A tenant's rules as layers: its own rule set over the organisation baseline's, each compiled once
 * and shared (the baseline's 100,000-term library is one automaton for all tenants, not one per
 * tenant). Same surface as a RuleSet: a `rules` detector, topics, allow-lists, the knowledge base.
 */
import type { Detector, Finding } from '../core/types.js';
import { RULES_DETECTOR, type RuleSet } from './rule-set.js';
import type { KnowledgeEntry } from './schema.js';

export class RuleLayers {
  readonly detector: Detector;

  /** `layers[0]` has priority (the tenant's), later ones are inherited (the baseline's). */
  constructor(readonly layers: readonly RuleSet[]) {
    this.detector = { name: RULES_DETECTOR, detect: (text) => this.detect(text) };
  }

  get termCount(): number {
    return this.layers.reduce((n, l) => n + l.termCount, 0);
  }

  get automatonBytes(): number {
    return this.layers.reduce((n, l) => n + l.automatonBytes, 0);
  }

  detect(text: string): Finding[] {
    if (this.layers.length === 1) return this.layers[0]!.detect(text);
    return this.layers.flatMap((l) => l.detect(text));
  }

  topicsFromClassifiers(findings: readonly Finding[]): Finding[] {
    return this.layers.flatMap((l) => l.topicsFromClassifiers(findings));
  }

  /**
   * Every layer's allow-list exempts findings (an org-wide safe phrase is safe for every tenant), except that the
   * tenant's own (`layers[0]`, when layered over a baseline) leaves the findings `protectedFromOwn` names: those
   * the baseline acts on (guardrails/policy/policy.ts).
   */
  filterAllowed(text: string, findings: Finding[], protectedFromOwn?: (finding: Finding) => boolean): Finding[] {
    let kept = findings;
    this.layers.forEach((layer, i) => {
      if (i > 0 || this.layers.length === 1 || !protectedFromOwn || kept.length === 0) {
        kept = layer.filterAllowed(text, kept);
        return;
      }
      if (!layer.hasAllowList) return;
      const open = kept.filter((f) => !protectedFromOwn(f));
      if (open.length === 0) return;
      const still = new Set(layer.filterAllowed(text, open));
      kept = kept.filter((f) => still.has(f) || protectedFromOwn(f));
    });
    return kept;
  }

  findAnswer(findings: readonly Finding[]): KnowledgeEntry | undefined {
    for (const layer of this.layers) {
      const entry = layer.findAnswer(findings);
      if (entry) return entry;
    }
    return undefined;
  }
}
