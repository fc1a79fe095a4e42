/**
 * Training/evaluation data for the classifiers: reads ../shared/datasets (never copied into the repo)
 * and our own generators, maps every row to per-head labels, and splits train/validation/test by a hash
 * of the row's group (parallel translations, same document, same forum comment stay together) or of its
 * normalised text. Duplicates (after evasion normalisation) keep the split of their first occurrence,
 * so no text is in two splits. Sources whose license does not allow shipping are evaluation-only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeForModel } from '../text-model/evasion.js';
import {
  abusiveMessages,
  benignInstructions,
  benignLookalikes,
  composedJailbreaks,
  goalHijacks,
  personaRolePlays,
  plantedHijacks,
  benignRequests,
  benignRolePlay,
  directInjections,
  hardNegatives,
  harmfulRequests,
  indirectInjections,
  rolePlayJailbreaks,
  toxicityHardNegatives,
  type GeneratedRow,
} from '../../datasets/classifiers/generators.js';
import { benignFragments } from '../../datasets/classifiers/fragments.js';
import { shortAttacks } from '../../datasets/classifiers/short-attacks.js';
import { contrastiveHarm } from '../../datasets/classifiers/contrastive-harm.js';
import { harmContrasts } from '../../datasets/classifiers/harm-contrasts.js';
import { everydayQuestions } from '../../datasets/classifiers/everyday-questions.js';
import { formatConstraints } from '../../datasets/classifiers/format-constraints.js';
import { serviceRequests } from '../../datasets/classifiers/service-requests.js';
import { fictionRequests, idiomRequests, promptWritingRequests, studyHelpRequests } from '../../datasets/classifiers/craft-requests.js';
import { ipRequests } from '../../datasets/classifiers/ip-requests.js';
import { crimeOutcomes } from '../../datasets/classifiers/crime-outcomes.js';
import { homemadeRequests } from '../../datasets/classifiers/homemade.js';
import { travelDocumentRequests } from '../../datasets/classifiers/travel-documents.js';
import { fileRequests } from '../../datasets/classifiers/file-requests.js';
import { zhShortRolePlays } from '../../datasets/classifiers/zh-short-roleplay.js';
import { scenarios } from '../../datasets/classifiers/scenarios.js';
import { documentInjections, germanRows, rolePlayInstructions } from '../../datasets/classifiers/documents.js';
import { groupStatements } from '../../datasets/classifiers/toxicity.js';
import { identityStatements } from '../../datasets/classifiers/identity-statements.js';
import { threatStatements } from '../../datasets/classifiers/threats.js';
import { zhSentences, zhTopicComments } from '../../datasets/classifiers/zh-comments.js';
import { zhShortAbuse } from '../../datasets/classifiers/zh-short-abuse.js';
import { zhEverydaySenses } from '../../datasets/classifiers/zh-everyday-senses.js';
import { promptLeaks } from '../../datasets/classifiers/leaks.js';
import { benignSystemPrompts } from '../../datasets/classifiers/system-prompts.js';

export const HEADS = {
  toxicity: ['toxicity.toxic'],
  intent: ['intent.prompt_injection', 'intent.jailbreak', 'intent.harmful'],
} as const;
export type ModelName = keyof typeof HEADS;
export type HeadId = (typeof HEADS)[ModelName][number];

export type Split = 'train' | 'val' | 'test';

export interface Example {
  readonly text: string;
  /** Evasion-normalised text (featurised once). */
  readonly norm: string;
  readonly lang: string;
  /** Source folder name (or generator name). */
  readonly source: string;
  readonly split: Split;
  /** 1 positive, 0 negative; a head absent from the map does not use this row. */
  readonly labels: Partial<Record<HeadId, 0 | 1>>;
  readonly weight: number;
  /** False for evaluation-only (non-commercial / unclear license) sources. */
  readonly shippable: boolean;
  readonly category?: string;
}

interface RawRow {
  text: string;
  label: string;
  lang: string;
  id?: string;
  split?: string;
  [key: string]: unknown;
}

interface SourceSpec {
  /** Folder under shared/datasets, e.g. `toxicity/cold`. */
  path: string;
  shippable: boolean;
  /** Labels for the model's heads, or null to skip the row. */
  labels(row: RawRow): Partial<Record<HeadId, 0 | 1>> | null;
  /** Group key for split assignment (rows of one group share a split). */
  group?(row: RawRow): string | undefined;
  /** Use the source's own split (e.g. COLD train/dev/test). */
  ownSplit?(row: RawRow): Split | undefined;
  /** Max rows taken (deterministic: by hash order), to balance sources. */
  cap?: number;
  /** Max positive rows (e.g. Davidson is 83% toxic). */
  capPositive?: number;
  weight?: number;
  category?(row: RawRow): string | undefined;
}

export const SHARED_DATASETS = process.env.SEALGATE_DATASETS ?? join(decodeURIComponent(new URL('../../../shared/datasets/', import.meta.url).pathname));

const tox = (row: RawRow): Partial<Record<HeadId, 0 | 1>> | null =>
  row.label === 'toxic' ? { 'toxicity.toxic': 1 } : row.label === 'non_toxic' ? { 'toxicity.toxic': 0 } : null;
const benignTox = (): Partial<Record<HeadId, 0 | 1>> => ({ 'toxicity.toxic': 0 });
const benignIntent = (): Partial<Record<HeadId, 0 | 1>> => ({ 'intent.prompt_injection': 0, 'intent.jailbreak': 0, 'intent.harmful': 0 });
const injectionLabels = (row: RawRow): Partial<Record<HeadId, 0 | 1>> | null => {
  // deepset/BIPIA injections hijack the task ("say X", "add this link") without asking for harm:
  // negatives for the harmful head, so that "ignore previous instructions" alone is not "harmful".
  if (row.label === 'injection') return String(row.source).includes('XSafety') ? { 'intent.prompt_injection': 1 } : { 'intent.prompt_injection': 1, 'intent.harmful': 0 };
  if (row.label === 'jailbreak') return { 'intent.jailbreak': 1 };
  if (row.label === 'benign') return benignIntent();
  return null;
};
// A harmful request is not an injection or a jailbreak: it is a negative for those heads.
const harmfulLabels = (row: RawRow): Partial<Record<HeadId, 0 | 1>> | null => {
  if (row.label === 'harmful') return { 'intent.harmful': 1, 'intent.prompt_injection': 0, 'intent.jailbreak': 0 };
  if (row.label === 'safe') return benignIntent();
  // "sensitive" (ethics, mental health, consumer advice) is not an attack; too ambiguous for the harmful head.
  if (row.label === 'sensitive') return { 'intent.prompt_injection': 0, 'intent.jailbreak': 0 };
  return null;
};

const BENIGN_SHIPPABLE = [
  'self-instruct', 'awesome-chatgpt-prompts', 'awesome-chatgpt-prompts-zh', 'cmrc2018', 'xquad', 'mgsm', 'gsm8k', 'humaneval', 'mt-bench',
  'chatterbot-corpus', 'gaokao-bench', 'crosswoz-user-turns',
];
const BENIGN_EVAL_ONLY = ['alpaca-harmless-subset', 'belle'];

const benignGroup = (row: RawRow): string | undefined =>
  (row.parallel_id as string | undefined) ?? (row.row !== undefined && String(row.source ?? '').includes('MGSM') ? `mgsm-${String(row.row)}` : undefined);

export const SOURCES: Record<ModelName, SourceSpec[]> = {
  toxicity: [
    { path: 'toxicity/davidson-hate-offensive', shippable: true, labels: tox, capPositive: 8000 },
    { path: 'toxicity/toxigen-prompts', shippable: true, labels: tox },
    {
      path: 'toxicity/cold',
      shippable: true,
      labels: tox,
      ownSplit: (r) => (r.split === 'dev' ? 'val' : (r.split as Split | undefined)),
      // Test rows carry COLD's fine class (attack_individual, attack_group, safe_anti_bias, safe_other_non_offensive):
      // evaluation only (cold-analysis.ts), not part of the training digest.
      category: (r) => (typeof r.fine_label === 'string' ? r.fine_label : undefined),
    },
    { path: 'toxicity/wiki-toxicity-testset', shippable: true, labels: tox },
    { path: 'toxicity/jigsaw-sentence-templates', shippable: true, labels: tox, cap: 8000, weight: 0.5 },
    { path: 'toxicity/stormfront-hate', shippable: true, labels: tox, group: (r) => r.comment_id as string | undefined },
    { path: 'toxicity/convabuse', shippable: true, labels: tox, group: (r) => r.conv_id as string | undefined },
    { path: 'toxicity/tweeteval-hate-offensive', shippable: false, labels: tox, cap: 6000 },
    {
      path: 'toxicity/chineseharm-bench',
      shippable: false,
      // Only abuse_flaming is toxicity proper; non_violating rows are the negatives.
      labels: (r) => (r.fine_label === 'abuse_flaming' ? { 'toxicity.toxic': 1 } : r.fine_label === 'non_violating' ? { 'toxicity.toxic': 0 } : null),
    },
    ...BENIGN_SHIPPABLE.map((name): SourceSpec => ({ path: `benign/${name}`, shippable: true, labels: benignTox, cap: 600, group: benignGroup })),
    { path: 'harmful/xstest', shippable: true, labels: (r) => (r.label === 'safe' ? benignTox() : null) },
  ],
  intent: [
    { path: 'injection/deepset-prompt-injections', shippable: true, labels: injectionLabels },
    { path: 'injection/inthewild-jailbreak-llms', shippable: true, labels: injectionLabels },
    { path: 'injection/xsafety-instruction-attacks', shippable: true, labels: injectionLabels, group: (r) => `x-${String(r.category)}-${String(r.row)}` },
    { path: 'injection/bipia', shippable: true, labels: injectionLabels, group: (r) => (r.id ?? '').replace(/-(clean|attacked)$/, '') },
    { path: 'harmful/advbench', shippable: true, labels: harmfulLabels },
    { path: 'harmful/harmbench', shippable: true, labels: harmfulLabels },
    {
      path: 'harmful/do-not-answer',
      shippable: true,
      // "human_chatbox" (mental-health and companionship questions) and "misinformation_harms" (questions built on
      // false premises) are things to answer carefully, not requests for harm in our taxonomy: not harmful-head rows.
      labels: (r) => (r.risk_area === 'human_chatbox' || r.risk_area === 'misinformation_harms' ? { 'intent.prompt_injection': 0, 'intent.jailbreak': 0 } : harmfulLabels(r)),
    },
    { path: 'harmful/xstest', shippable: true, labels: harmfulLabels },
    { path: 'harmful/cvalues-responsibility', shippable: true, labels: harmfulLabels },
    {
      path: 'harmful/xsafety-safety-scenarios',
      shippable: true,
      // "Insult" rows are abuse aimed at the assistant: toxicity, not a request for harm — negatives for the
      // harmful head, so that an insult ("你这个傻逼") does not score as a harmful request. "Physical_Harm" rows
      // are people describing their health habits ("I stayed up late…"): answer carefully, not harmful requests.
      labels: (r) =>
        r.category === 'Insult' ? benignIntent() : r.category === 'Physical_Harm' ? { 'intent.prompt_injection': 0, 'intent.jailbreak': 0 } : harmfulLabels(r),
      group: (r) => `x-${String(r.category)}-${String(r.row)}`,
    },
    { path: 'harmful/jade-db', shippable: true, labels: harmfulLabels },
    // Toxic comments are not attacks or harmful requests: negatives for every intent head (an insult must be
    // left to the toxicity detector). Capped samples of the permissive toxicity sources.
    { path: 'toxicity/cold', shippable: true, labels: (r) => (r.label === 'toxic' ? benignIntent() : null), cap: 2400 },
    { path: 'toxicity/davidson-hate-offensive', shippable: true, labels: (r) => (r.label === 'toxic' ? benignIntent() : null), cap: 1200 },
    ...BENIGN_SHIPPABLE.map((name): SourceSpec => ({ path: `benign/${name}`, shippable: true, labels: benignIntent, cap: 1500, group: benignGroup })),
    ...BENIGN_EVAL_ONLY.map((name): SourceSpec => ({ path: `benign/${name}`, shippable: false, labels: benignIntent, cap: 2000 })),
  ],
};

/** Mix of our generated data per model, with explicit counts and loss weights (documented in datasets/README.md). */
export const GENERATED_MIX = {
  benignRequests: { count: 2000, weight: 1 },
  benignLookalikes: { count: 1200, weight: 2 },
  benignInstructions: { count: 5000, weight: 1 },
  hardNegatives: { weight: 3 },
  directInjections: { count: 800, weight: 1 },
  indirectInjections: { count: 6000, weight: 1 },
  rolePlayJailbreaks: { count: 600, weight: 1 },
  benignRolePlay: { count: 300, weight: 1 },
  harmfulRequests: { perCategory: 40, weight: 1 },
  toxicityHardNegatives: { count: 800, weight: 1 },
  composedJailbreaks: { count: 500, weight: 1 },
  plantedHijacks: { count: 6000, weight: 1 },
  goalHijacks: { count: 600, weight: 1 },
  personaRolePlays: { count: 1200, weight: 1 },
  abusiveMessages: { count: 2400, weight: 1 },
  /** Short fragments (1–4 words / 1–6 characters) of benign training documents: see datasets/classifiers/fragments.ts. */
  benignFragments: { count: 10000, weight: 1 },
  /** Terse jailbreak switches and injection commands: see datasets/classifiers/short-attacks.ts. */
  shortAttacks: { count: 1000, weight: 1 },
  /** Same verb, person vs thing as the target (XSTest's construction): see datasets/classifiers/contrastive-harm.ts. */
  contrastiveHarm: { count: 1200, weight: 1 },
  /**
   * Safe prompts in the words of harm (homonyms, figurative language, games and fiction, definitions, history,
   * fictional / public-figure privacy, absurd discrimination questions, polite versions of unsafe asks) with harmful
   * contrasts in the same frames: see datasets/classifiers/harm-contrasts.ts. Harmful head only; no validation rows.
   * 3000 at safe share 0.65: XSTest LOSO 0.774 → 0.809 (before the security-education family: 5000 no further gain, 1500 safe-only 0.790).
   */
  harmContrasts: { count: 3000, weight: 1, safeShare: 0.65 },
  /**
   * Everyday "How can I … my …?" questions for the harmful head, 15 % of them harmful goals in the same frames
   * (datasets/classifiers/everyday-questions.ts): held-out everyday questions blocked by the default policy (≥ 0.8)
   * EN 8/40 → 4/40, ZH 1/40 → 0/40, at a cost of XSTest LOSO 0.809 → 0.791 and XSafety en 0.884 → 0.876. 30 %
   * harmful: the same 4/40 but the English threshold fell to 0.47 (3 of 129 short benign utterances flagged); safe
   * rows only: 4/40 with XSTest 0.789 / XSafety en 0.862; 1,000 safe rows: 5/40; English rows only: ZH 2/40 blocked.
   */
  everydayQuestions: { count: 2000, weight: 1, harmfulShare: 0.15 },
  /**
   * Ordinary requests with an output-format constraint ("… Reply in JSON only.", "Just answer the question."), a share
   * with an injection in the same frame: see datasets/classifiers/format-constraints.ts.
   */
  formatConstraints: { count: 2000, weight: 1, injectionShare: 0.2 },
  /** Requests about one's own order / account ("Look up my account."), 15 % aimed at someone else's: see datasets/classifiers/service-requests.ts. Harmful head only. */
  serviceRequests: { count: 1200, weight: 1, harmfulShare: 0.15 },
  /** Study help that keeps an answer back ("don't reveal the solution yet"), 15 % with an injection in the frame: see datasets/classifiers/craft-requests.ts. */
  studyHelp: { count: 1200, weight: 1, injectionShare: 0.15 },
  /** Fiction with villains and crimes, 15 % asking for a working recipe inside the story: see datasets/classifiers/craft-requests.ts. Harmful head only. */
  fictionRequests: { count: 1200, weight: 1, harmfulShare: 0.15 },
  /** Questions about writing prompts, 15 % ending with a prompt-extraction ask: see datasets/classifiers/craft-requests.ts. */
  promptWriting: { count: 800, weight: 1, injectionShare: 0.15 },
  /** Chat idioms with a violent word ("hit me up", "break a leg"), 15 % aiming the verb at a person: see datasets/classifiers/craft-requests.ts. Harmful head only. */
  idioms: { count: 600, weight: 1, harmfulShare: 0.15 },
  /** Offenders caught, arrested and sentenced (news, statements, questions), 20 % asking how not to get caught: see datasets/classifiers/crime-outcomes.ts. Harmful head only. */
  crimeOutcomes: { count: 1000, weight: 1, harmfulShare: 0.2 },
  /**
   * "How to make X at home (step by step)" with ordinary things, 30 % asking for a weapon, drug or poison in the same frames:
   * see datasets/classifiers/homemade.ts. Harmful head only. Measured, not shipped (count 0; MODEL_CARD.md, eighteenth
   * session): 800 rows unblocked cake and candle questions but weapon requests naming things the rows do not name
   * (rifle, dynamite, heroin) fell under the block line (held-out 5/7 → 2/7 blocked).
   */
  homemade: { count: 0, weight: 1, harmfulShare: 0.3 },
  /**
   * Ordinary questions about one's own passport, visa or ID (renewal, photos, visas, a lost one, spotting forgeries),
   * 25 % forging, buying or taking one in the same words: see datasets/classifiers/travel-documents.ts. Harmful head only.
   * Measured, not shipped (count 0; MODEL_CARD.md, twenty-first session): 1,400 rows took held-out passport questions
   * blocked 6/13 → 1/13, but every draw moved borderline texts of the harmful head across the block line ("怎么在家制作炸弹"
   * 0.84 → 0.72–0.75 with half or no Chinese rows; with one in four, 3/123 short Chinese utterances flagged).
   */
  travelDocuments: { count: 0, weight: 1, harmfulShare: 0.25, zhEvery: 4 },
  /**
   * Opening, saving and listing files by path and to-do lists ("Open C:\\…\\notes\\todo.txt"): see
   * datasets/classifiers/file-requests.ts. Benign, every head. Measured with travelDocuments, not shipped (count 0): the
   * injection head's 0.82 on "Open C:\\new\\temp\\notes\\todo.txt" fell to 0.006.
   */
  fileRequests: { count: 0, weight: 1 },
  /**
   * Instructions planted in tables, emails, code and tool results; 30% of them with their clean twin (all twins
   * measured worse: long clean documents then outscore short XSafety injections, attack LOSO EN 0.832 → 0.823).
   * See datasets/classifiers/documents.ts.
   */
  documentInjections: { count: 6000, weight: 1, cleanTwinRate: 0.3 },
  /** German benign questions and direct injections: see datasets/classifiers/documents.ts. */
  german: { count: 600, weight: 1 },
  /** System-prompt extraction attempts and benign look-alikes: see datasets/classifiers/leaks.ts. */
  promptLeaks: { count: 1500, weight: 1 },
  /** Long benign system prompts (role × task × rules × format): see datasets/classifiers/system-prompts.ts. */
  benignSystemPrompts: { count: 1500, weight: 1 },
  /** Toxicity: toxic and non-toxic statements about groups and people on the same topics: see datasets/classifiers/toxicity.ts. */
  groupStatements: { count: 4000, weight: 1 },
  /**
   * Toxicity: short statements naming a group in the same frames with both labels, 80 % benign ("{group} deserve
   * equal rights" vs "… don't deserve …"): see datasets/classifiers/identity-statements.ts. Against the same pipeline
   * without them (soup-experiment.ts, shipped variant lextox+mix-nb-a10, a checkout with and one without the source): LOSO mean 0.8169 -> 0.8205 (ToxiGen 0.783 -> 0.798,
   * Jigsaw EN / ZH 0.804 / 0.816 -> 0.814 / 0.821, COLD 0.706 -> 0.711, Davidson / Wikipedia / ConvAbuse -0.002 / -0.003
   * / -0.002), recall@1%FPR benign EN 0.852 -> 0.865, short benign utterances flagged still 0 / 0. Also measured: 3000 at
   * 67 % benign 0.8201 (a short ZH utterance flagged), 6000 at 67 % 0.8211 (Davidson -0.005), 6000 at 80 % weight 2
   * (Davidson -0.006, Stormfront -0.002).
   */
  identityStatements: { count: 3000, weight: 1, benignShare: 0.8 },
  /**
   * Toxicity: threats (physical harm, conditional, veiled / doxxing, against family and property, extortion and
   * sextortion; slang, formal and chat registers) with benign twins in the same frames (idioms, tech and games, sports,
   * everyday conditionals and bills, questions about threats, fiction requests): see datasets/classifiers/threats.ts.
   * Against the same pipeline without them and without the new threat lexicon entries (soup-experiment.ts, shipped variant
   * lextox+mix-nb-a10, a checkout with and one without; new rows never evaluated): LOSO mean 0.8205 -> 0.8203 (trainer seed 7:
   * 0.8186 -> 0.8188), no source down more than 0.007, recall@1%FPR benign EN / ZH 0.865 / 0.890 -> 0.867 / 0.886, short benign
   * utterances flagged still 0 / 0. 3000 rows: 0.8210 but at trainer seed 7 recall EN 0.868 -> 0.851 and "对不起" flagged.
   */
  threats: { count: 2000, weight: 1, benignShare: 0.6 },
  /**
   * Toxicity: Chinese comments on region, race and gender (attacks in several registers vs discussion and
   * counter-speech), half of them several sentences long, a quarter of their context sentences taken from benign
   * Chinese training turns: see datasets/classifiers/zh-comments.ts. docShare 0.25 vs 0.5: COLD LOSO 0.684 vs 0.697,
   * ChineseHarm-Bench 0.867 vs 0.851 (a larger share removes more of the "long Chinese = harmless" prior).
   */
  zhComments: { count: 6000, weight: 1, docShare: 0.25 },
  /**
   * Toxicity: short Chinese abuse (a bare profanity or insult, with or without a target, 我 / 你 / 去 before it, chat
   * punctuation, pinyin abbreviations) and short benign utterances built from the same characters (你妈妈好, 操场, 别操心了,
   * 草地, 我去超市): see datasets/classifiers/zh-short-abuse.ts. Kept out of validation (templated short rows). 操你妈 0.339 -> 0.976,
   * 我操你妈 0.234 -> 0.992; LOSO mean 0.82026 -> 0.82023 (no source down more than 0.008), COLD test F1 0.7688 -> 0.7713 (MODEL_CARD.md).
   */
  zhShortAbuse: { count: 3000, weight: 1, benignShare: 0.5 },
  /**
   * Toxicity: Chinese abuse words in their everyday senses (倒垃圾, 废物回收, a dog's 母狗, a plan 枪毙了, 你妈的手机) and
   * compliments in the frames of insults (你就是个大好人), next to toxic sentences in the same frames: see
   * datasets/classifiers/zh-everyday-senses.ts. Kept out of validation (templated rows). With the lexicon's whole-word rule
   * for Chinese: held-out look-alikes flagged 11 -> 0 of 46 (你真是个好人 0.520 -> 0.135, 去死海旅游 0.531 -> 0.156), LOSO
   * mean -0.003 (MODEL_CARD.md).
   */
  zhEverydaySenses: { count: 1500, weight: 1, benignShare: 0.7 },
  /** Role-play setups × unsafe personas × asks (jailbreak): see datasets/classifiers/documents.ts. */
  rolePlayInstructions: { count: 3000, weight: 1 },
  /**
   * Measured 2026-11-29 (tenth session) and not in the mix (count 0; MODEL_CARD.md "Known weaknesses"): intellectual-property
   * requests with safe contrasts (datasets/classifiers/ip-requests.ts; harmful head only, no validation rows) lift HarmBench
   * LOSO 0.906 → 0.936–0.945, but XSafety scenarios fall and the harmful head's threshold drops (short Chinese utterances flagged 0 → 2–3 of 123).
   */
  ipRequests: { count: 0, weight: 1, safeShare: 0.65 },
  /**
   * Short Chinese role-play instructions (datasets/classifiers/zh-short-roleplay.ts), measured and not in the mix: attacks
   * alone jailbreak LOSO mean +0.004 to +0.013 over four draws (mean +0.009, under the +0.01 bar); with their benign-role twins XSafety ZH 0.809 → 0.767.
   */
  zhShortRolePlays: { count: 0, weight: 1, benignShare: 0 },
  /** First-person situations with an unsafe or a constructive aim (datasets/classifiers/scenarios.ts), measured and not in the mix: no LOSO gain. */
  scenarios: { count: 0, weight: 1, safeShare: 0.5 },
} as const;

function hashFraction(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 4294967296;
}

export function splitOf(key: string): Split {
  const f = hashFraction(key);
  return f < 0.8 ? 'train' : f < 0.9 ? 'val' : 'test';
}

function readJsonl(path: string): RawRow[] {
  const file = join(SHARED_DATASETS, path, `${path.split('/').pop()}.jsonl`);
  if (!existsSync(file)) throw new Error(`dataset file missing: ${file} (set SEALGATE_DATASETS to the shared datasets folder)`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as RawRow);
}

function generatedRows(model: ModelName, benignDocs: { text: string; lang: 'en' | 'zh' }[], fragmentDocs: { text: string; lang: 'en' | 'zh' }[]): { rows: GeneratedRow[]; weight: Map<string, number> } {
  const m = GENERATED_MIX;
  const weight = new Map<string, number>([
    ['sealgate-benign-requests', m.benignRequests.weight],
    ['sealgate-benign-lookalikes', m.benignLookalikes.weight],
    ['sealgate-benign-instructions', m.benignInstructions.weight],
    ['sealgate-hard-negatives', m.hardNegatives.weight],
    ['sealgate-direct-injection', m.directInjections.weight],
    ['sealgate-indirect-injection', m.indirectInjections.weight],
    ['sealgate-roleplay-jailbreak', m.rolePlayJailbreaks.weight],
    ['sealgate-benign-roleplay', m.benignRolePlay.weight],
    ['sealgate-harmful-requests', m.harmfulRequests.weight],
    ['sealgate-toxicity-hard-negatives', m.toxicityHardNegatives.weight],
    ['sealgate-composed-jailbreak', m.composedJailbreaks.weight],
    ['sealgate-planted-hijack', m.plantedHijacks.weight],
    ['sealgate-goal-hijack', m.goalHijacks.weight],
    ['sealgate-persona-roleplay', m.personaRolePlays.weight],
    ['sealgate-abuse', m.abusiveMessages.weight],
    ['sealgate-benign-fragments', m.benignFragments.weight],
    ['sealgate-short-attacks', m.shortAttacks.weight],
    ['sealgate-contrastive-harm', m.contrastiveHarm.weight],
    ['sealgate-harm-contrasts', m.harmContrasts.weight],
    ['sealgate-everyday-questions', m.everydayQuestions.weight],
    ['sealgate-format-constraints', m.formatConstraints.weight],
    ['sealgate-service-requests', m.serviceRequests.weight],
    ['sealgate-study-help', m.studyHelp.weight],
    ['sealgate-fiction-requests', m.fictionRequests.weight],
    ['sealgate-prompt-writing', m.promptWriting.weight],
    ['sealgate-idioms', m.idioms.weight],
    ['sealgate-crime-outcomes', m.crimeOutcomes.weight],
    ['sealgate-homemade', m.homemade.weight],
    ['sealgate-travel-documents', m.travelDocuments.weight],
    ['sealgate-file-requests', m.fileRequests.weight],
    ['sealgate-document-injection', m.documentInjections.weight],
    ['sealgate-german', m.german.weight],
    ['sealgate-roleplay-instruction', m.rolePlayInstructions.weight],
    ['sealgate-group-statements', m.groupStatements.weight],
    ['sealgate-identity-statements', m.identityStatements.weight],
    ['sealgate-threats', m.threats.weight],
    ['sealgate-zh-comments', m.zhComments.weight],
    ['sealgate-zh-short-abuse', m.zhShortAbuse.weight],
    ['sealgate-zh-everyday-senses', m.zhEverydaySenses.weight],
    ['sealgate-prompt-leak', m.promptLeaks.weight],
    ['sealgate-benign-system-prompts', m.benignSystemPrompts.weight],
    ['sealgate-ip-requests', m.ipRequests.weight],
    ['sealgate-zh-short-roleplay', m.zhShortRolePlays.weight],
    ['sealgate-zh-short-roleplay-twins', m.zhShortRolePlays.weight],
    ['sealgate-scenarios', m.scenarios.weight],
  ]);
  if (model === 'toxicity') {
    return { rows: [...toxicityHardNegatives(41, m.toxicityHardNegatives.count), ...abusiveMessages(43, m.abusiveMessages.count), ...hardNegatives(), ...benignRequests(42, 600), ...benignInstructions(44, 600), ...benignFragments(45, fragmentDocs, m.benignFragments.count), ...groupStatements(46, m.groupStatements.count), ...identityStatements(48, m.identityStatements.count, m.identityStatements.benignShare), ...zhTopicComments(47, m.zhComments.count, zhSentences(fragmentDocs), m.zhComments.docShare), ...threatStatements(49, m.threats.count, m.threats.benignShare), ...zhShortAbuse(50, m.zhShortAbuse.count, m.zhShortAbuse.benignShare), ...zhEverydaySenses(51, m.zhEverydaySenses.count, m.zhEverydaySenses.benignShare)], weight };
  }
  return {
    rows: [
      ...benignRequests(1, m.benignRequests.count),
      ...benignLookalikes(7, m.benignLookalikes.count),
      ...benignInstructions(12, m.benignInstructions.count),
      ...hardNegatives(),
      ...directInjections(2, m.directInjections.count),
      ...indirectInjections(3, benignDocs, m.indirectInjections.count),
      ...rolePlayJailbreaks(4, m.rolePlayJailbreaks.count),
      ...composedJailbreaks(8, m.composedJailbreaks.count),
      ...plantedHijacks(9, benignDocs, m.plantedHijacks.count),
      ...goalHijacks(10, m.goalHijacks.count),
      ...personaRolePlays(11, m.personaRolePlays.count),
      ...benignRolePlay(5, m.benignRolePlay.count),
      ...harmfulRequests(6, m.harmfulRequests.perCategory),
      ...benignFragments(13, fragmentDocs, m.benignFragments.count),
      ...shortAttacks(15, m.shortAttacks.count),
      ...contrastiveHarm(16, m.contrastiveHarm.count),
      ...harmContrasts(23, m.harmContrasts.count, m.harmContrasts.safeShare),
      ...everydayQuestions(24, m.everydayQuestions.count, m.everydayQuestions.harmfulShare),
      ...formatConstraints(28, m.formatConstraints.count, m.formatConstraints.injectionShare),
      ...serviceRequests(29, m.serviceRequests.count, m.serviceRequests.harmfulShare),
      ...studyHelpRequests(30, m.studyHelp.count, m.studyHelp.injectionShare),
      ...fictionRequests(31, m.fictionRequests.count, m.fictionRequests.harmfulShare),
      ...promptWritingRequests(32, m.promptWriting.count, m.promptWriting.injectionShare),
      ...idiomRequests(33, m.idioms.count, m.idioms.harmfulShare),
      ...crimeOutcomes(34, m.crimeOutcomes.count, m.crimeOutcomes.harmfulShare),
      ...homemadeRequests(35, m.homemade.count, m.homemade.harmfulShare),
      ...travelDocumentRequests(36, m.travelDocuments.count, m.travelDocuments.harmfulShare, m.travelDocuments.zhEvery),
      ...fileRequests(37, m.fileRequests.count),
      ...documentInjections(17, benignDocs, m.documentInjections.count, m.documentInjections.cleanTwinRate),
      ...germanRows(18, m.german.count),
      ...rolePlayInstructions(19, m.rolePlayInstructions.count),
      ...promptLeaks(21, m.promptLeaks.count),
      ...benignSystemPrompts(22, m.benignSystemPrompts.count),
      ...ipRequests(25, m.ipRequests.count, m.ipRequests.safeShare),
      ...zhShortRolePlays(26, m.zhShortRolePlays.count, m.zhShortRolePlays.benignShare),
      ...scenarios(27, m.scenarios.count, m.scenarios.safeShare),
      // Abuse is toxicity, not intent: negatives for every intent head.
      ...abusiveMessages(14, 1200),
    ],
    weight,
  };
}

/**
 * Generated sources that label only the attack heads (prompt injection, jailbreak): document injections, prompt
 * leaks, benign system prompts and the German set. As harmful-head negatives they moved that head's operating point
 * and calibration (measured: ZH harmful threshold 0.49 → 0.28 with the documents; "怎么在家制作冰毒然后卖出去？"
 * 0.76 → 0.61 with the system prompts) without adding harmful-request evidence.
 */
const ATTACK_HEADS_ONLY: ReadonlySet<string> = new Set(['sealgate-document-injection', 'sealgate-german', 'sealgate-prompt-leak', 'sealgate-benign-system-prompts']);
/**
 * Generated sources that label only the harmful head: safe / harmful contrasts carry no evidence about attacks, and
 * as attack-head negatives they moved those heads for nothing (measured: in-the-wild jailbreak LOSO 0.932 → 0.919,
 * BIPIA 0.770 → 0.762, both at the noise edge; with this set the attack heads are trained on exactly the same rows).
 */
const HARMFUL_HEAD_ONLY: ReadonlySet<string> = new Set(['sealgate-harm-contrasts', 'sealgate-everyday-questions', 'sealgate-ip-requests', 'sealgate-scenarios', 'sealgate-service-requests', 'sealgate-fiction-requests', 'sealgate-idioms', 'sealgate-crime-outcomes', 'sealgate-homemade', 'sealgate-travel-documents']);

/**
 * Generated sources that label the injection and harmful heads, not the jailbreak head: study help and prompt-writing
 * questions borrow prompt-leak words ("don't reveal …", "forget …", "prompt"); as jailbreak negatives they pulled that
 * head's leave-one-source-out down (in-the-wild jailbreaks 0.938 → 0.928) for no gain on it.
 */
const NOT_JAILBREAK_HEAD: ReadonlySet<string> = new Set(['sealgate-study-help', 'sealgate-prompt-writing']);

function generatedLabels(model: ModelName, row: GeneratedRow): Partial<Record<HeadId, 0 | 1>> | null {
  if (model === 'toxicity') return row.label === 'toxic' ? { 'toxicity.toxic': 1 } : { 'toxicity.toxic': 0 };
  // Fragments of benign text include lone topic words ("bomb" from a history article): negatives for the
  // attack heads, but a harmful-head negative only one in two, so that those words keep their weight in real requests.
  if (row.source === 'sealgate-benign-fragments' && hashFraction(`harm:${row.text}`) >= 1 / 2) return { 'intent.prompt_injection': 0, 'intent.jailbreak': 0 };
  if (ATTACK_HEADS_ONLY.has(row.source)) {
    return row.label === 'injection' ? { 'intent.prompt_injection': 1 } : { 'intent.prompt_injection': 0, 'intent.jailbreak': 0 };
  }
  if (HARMFUL_HEAD_ONLY.has(row.source)) return { 'intent.harmful': row.label === 'harmful' ? 1 : 0 };
  if (NOT_JAILBREAK_HEAD.has(row.source)) return { 'intent.prompt_injection': row.label === 'injection' ? 1 : 0, 'intent.harmful': 0 };
  if (row.label === 'benign' || row.label === 'safe' || row.label === 'toxic' || row.label === 'non_toxic') return benignIntent();
  if (row.label === 'injection') return { 'intent.prompt_injection': 1, 'intent.harmful': 0 };
  if (row.label === 'jailbreak') return { 'intent.jailbreak': 1 };
  if (row.label === 'harmful') return { 'intent.harmful': 1, 'intent.prompt_injection': 0, 'intent.jailbreak': 0 };
  return null;
}

export interface LoadOptions {
  /** Take at most this many rows per source (tests use a small slice). */
  limitPerSource?: number;
  /** Skip the generated data. */
  withoutGenerated?: boolean;
}

export function sourceName(path: string): string {
  return path.split('/').pop()!;
}

/** All examples for a model (shippable and evaluation-only), split and deduplicated. */
export function loadExamples(model: ModelName, options: LoadOptions = {}): Example[] {
  const seen = new Set<string>();
  const out: Example[] = [];
  const add = (row: { text: string; lang: string }, source: string, labels: Partial<Record<HeadId, 0 | 1>>, split: Split, weight: number, shippable: boolean, category?: string, norm?: string): void => {
    const n = norm ?? normalizeForModel(row.text);
    const key = n.replace(/\s+/g, ' ').trim();
    if (key.length === 0 || seen.has(key)) return;
    seen.add(key);
    out.push({ text: row.text, norm: n, lang: row.lang, source, split, labels, weight, shippable, category });
  };

  const benignDocs: { text: string; lang: 'en' | 'zh' }[] = [];
  const fragmentDocs: { text: string; lang: 'en' | 'zh' }[] = [];
  for (const spec of SOURCES[model]) {
    const name = sourceName(spec.path);
    let rows = readJsonl(spec.path).filter((r) => typeof r.text === 'string' && r.text.trim().length > 0);
    // Deterministic sampling: order by hash of the text, then cap.
    const order = rows.map((r) => ({ r, h: hashFraction(`order:${r.text}`) })).sort((a, b) => a.h - b.h);
    rows = order.map((o) => o.r);
    if (spec.capPositive !== undefined) {
      let positives = 0;
      rows = rows.filter((r) => (r.label === 'toxic' ? (positives += 1) <= spec.capPositive! : true));
    }
    if (spec.cap !== undefined) rows = rows.slice(0, spec.cap);
    if (options.limitPerSource !== undefined) rows = rows.slice(0, options.limitPerSource);
    for (const row of rows) {
      const labels = spec.labels(row);
      if (!labels) continue;
      const norm = normalizeForModel(row.text);
      const split = spec.ownSplit?.(row) ?? splitOf(spec.group?.(row) ?? `text:${norm}`);
      add(row, name, labels, split, spec.weight ?? 1, spec.shippable, spec.category?.(row), norm);
      if (spec.shippable && split === 'train' && spec.path.startsWith('benign/') && (row.lang === 'en' || row.lang === 'zh')) {
        // Documents to plant instructions in need some length; fragments can come from any benign turn.
        if (row.text.length > 80 && row.text.length < 1200) benignDocs.push({ text: row.text, lang: row.lang });
        fragmentDocs.push({ text: row.text, lang: row.lang });
      }
    }
  }
  if (!options.withoutGenerated) {
    const { rows, weight } = generatedRows(model, benignDocs, fragmentDocs);
    const limited = options.limitPerSource !== undefined ? rows.filter((_, i) => i % 10 === 0) : rows;
    for (const row of limited) {
      const labels = generatedLabels(model, row);
      if (!labels) continue;
      const norm = normalizeForModel(row.text);
      add(row, row.source, labels, splitOf(`text:${norm}`), weight.get(row.source) ?? 1, true, row.category, norm);
    }
  }
  return out;
}
