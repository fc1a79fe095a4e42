/**
 * The one taxonomy of content risks (docs/taxonomy.md is the prose version). Every detector, policy,
 * report and eval uses these ids, so a policy written against `intent.harmful.cybercrime` means the same
 * thing whether the finding came from the trained classifier, a keyword list or an external model.
 *
 * Each category maps to the MLCommons / Llama Guard 3 hazard codes (S1–S14) and to the risk items of
 * China's TC260-003 "Basic security requirements for generative AI services" (Appendix A, A.1–A.5).
 */

export type LlamaGuardCode =
  | 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6' | 'S7' | 'S8' | 'S9' | 'S10' | 'S11' | 'S12' | 'S13' | 'S14';

export const LLAMA_GUARD_HAZARDS: Readonly<Record<LlamaGuardCode, string>> = {
  S1: 'Violent Crimes',
  S2: 'Non-Violent Crimes',
  S3: 'Sex-Related Crimes',
  S4: 'Child Sexual Exploitation',
  S5: 'Defamation',
  S6: 'Specialized Advice',
  S7: 'Privacy',
  S8: 'Intellectual Property',
  S9: 'Indiscriminate Weapons',
  S10: 'Hate',
  S11: 'Suicide & Self-Harm',
  S12: 'Sexual Content',
  S13: 'Elections',
  S14: 'Code Interpreter Abuse',
};

/** TC260-003 Appendix A risk items we map to (id = section.item). */
export const TC260_RISKS = {
  'A.1.1': '煽动颠覆国家政权、推翻社会主义制度 (incitement to subvert state power)',
  'A.1.2': '危害国家安全和利益、损害国家形象 (endangering national security and interests)',
  'A.1.3': '煽动分裂国家、破坏国家统一和社会稳定 (incitement to secession, undermining social stability)',
  'A.1.4': '宣扬恐怖主义、极端主义 (promoting terrorism, extremism)',
  'A.1.5': '宣扬民族仇恨 (promoting ethnic hatred)',
  'A.1.6': '宣扬暴力、淫秽色情 (promoting violence, obscenity and pornography)',
  'A.1.7': '传播虚假有害信息 (spreading false and harmful information)',
  'A.1.8': '其他法律、行政法规禁止的内容 (other content prohibited by law)',
  'A.2': '歧视性内容 (discriminatory content: ethnicity, belief, nationality, region, gender, age, occupation, health …)',
  'A.3.1': '侵犯他人知识产权 (infringing intellectual property)',
  'A.3.2': '违反商业道德 (violating business ethics)',
  'A.3.5': '其他商业违法违规行为 (other illegal business practices)',
  'A.4.1': '危害他人身心健康 (endangering physical and mental health of others)',
  'A.4.3': '侵害他人名誉权 (infringing reputation rights)',
  'A.4.5': '侵害他人隐私权 (infringing privacy rights)',
  'A.4.6': '侵害他人个人信息权益 (infringing personal-information rights)',
  'A.5': '无法满足特定服务类型的安全需求 (failing the security needs of specific service types)',
} as const;

export type Tc260Risk = keyof typeof TC260_RISKS;

export type CategoryFamily = 'toxicity' | 'intent';

export interface TaxonomyCategory {
  readonly id: string;
  readonly family: CategoryFamily;
  readonly label: string;
  readonly description: string;
  readonly llamaGuard: readonly LlamaGuardCode[];
  readonly tc260: readonly Tc260Risk[];
}

const category = (
  id: string,
  family: CategoryFamily,
  label: string,
  description: string,
  llamaGuard: LlamaGuardCode[],
  tc260: Tc260Risk[],
): TaxonomyCategory => ({ id, family, label, description, llamaGuard, tc260 });

export const TOXICITY_CATEGORIES = {
  /** Parent: any toxic content (the trained toxicity head). */
  toxic: category('toxicity.toxic', 'toxicity', 'Toxic', 'Rude, disrespectful or abusive language of any kind.', ['S10'], ['A.4.3', 'A.2']),
  insult: category('toxicity.insult', 'toxicity', 'Insult', 'Insulting, demeaning or belittling language aimed at a person or group.', ['S5'], ['A.4.3']),
  hate: category('toxicity.hate', 'toxicity', 'Hate / identity attack', 'Attacks on people for a protected attribute (ethnicity, religion, gender, sexuality, nationality, region, disability, age).', ['S10'], ['A.1.5', 'A.2']),
  threat: category('toxicity.threat', 'toxicity', 'Threat / violence', 'Threatening or wishing violence on someone.', ['S1'], ['A.1.6', 'A.4.1']),
  sexual: category('toxicity.sexual', 'toxicity', 'Sexual', 'Sexually explicit or harassing language.', ['S12', 'S3'], ['A.1.6']),
  self_harm: category('toxicity.self_harm', 'toxicity', 'Self-harm', 'Encouraging or glorifying suicide or self-harm.', ['S11'], ['A.4.1']),
  profanity: category('toxicity.profanity', 'toxicity', 'Profanity', 'Swearing and obscene words, including Chinese pinyin abbreviations (sb, nmsl, tmd).', [], ['A.1.6']),
} as const;

export const INTENT_CATEGORIES = {
  prompt_injection: category('intent.prompt_injection', 'intent', 'Prompt injection', 'Instructions that try to override, leak or hijack the system prompt or task, directly or planted in documents, emails, tables, code or tool results.', ['S14'], ['A.5']),
  jailbreak: category('intent.jailbreak', 'intent', 'Jailbreak', 'Role-play personas, "no restrictions" modes and other framings meant to switch off the model\'s safety behaviour.', ['S14'], ['A.5']),
  /** Parent: any harmful request (the trained harmful head). */
  harmful: category('intent.harmful', 'intent', 'Harmful request', 'A request for help causing harm; the sub-categories say which kind.', [], ['A.1.8']),
  violent_crime: category('intent.harmful.violent_crime', 'intent', 'Violent crime', 'Murder, assault, kidnapping, terrorism planning, robbery, human trafficking.', ['S1'], ['A.1.6', 'A.4.1']),
  weapons_cbrn: category('intent.harmful.weapons_cbrn', 'intent', 'Weapons / CBRN', 'Guns, explosives, chemical, biological, radiological and nuclear weapons.', ['S9'], ['A.1.8']),
  cybercrime: category('intent.harmful.cybercrime', 'intent', 'Cybercrime / malware', 'Hacking, intrusion, malware, credential theft, DDoS.', ['S2', 'S14'], ['A.1.8']),
  fraud: category('intent.harmful.fraud', 'intent', 'Fraud / scams', 'Scams, phishing, forgery, money laundering, counterfeit.', ['S2'], ['A.3.2', 'A.3.5']),
  drugs: category('intent.harmful.drugs', 'intent', 'Illegal drugs', 'Making, buying or trafficking illegal drugs.', ['S2'], ['A.1.8']),
  child_sexual: category('intent.harmful.child_sexual', 'intent', 'Sexual content involving minors', 'Any sexualisation of minors.', ['S4'], ['A.1.6']),
  self_harm: category('intent.harmful.self_harm', 'intent', 'Self-harm', 'Methods or encouragement of suicide, self-harm, eating disorders.', ['S11'], ['A.4.1']),
  hate: category('intent.harmful.hate', 'intent', 'Hate', 'Requests to produce hateful, discriminatory or demeaning content about groups.', ['S10'], ['A.1.5', 'A.2']),
  privacy: category('intent.harmful.privacy', 'intent', 'Privacy violation', 'Doxxing, stalking, obtaining personal information or surveillance of a person.', ['S7'], ['A.4.5', 'A.4.6']),
  political_extremist: category('intent.harmful.political_extremist', 'intent', 'Political / extremist', 'Extremist propaganda, subversion, secession, election manipulation, disinformation campaigns.', ['S13'], ['A.1.1', 'A.1.2', 'A.1.3', 'A.1.4', 'A.1.7']),
} as const;

export type ToxicityCategoryKey = keyof typeof TOXICITY_CATEGORIES;
export type IntentCategoryKey = keyof typeof INTENT_CATEGORIES;

export type ToxicityCategoryId = (typeof TOXICITY_CATEGORIES)[ToxicityCategoryKey]['id'];
export type IntentCategoryId = (typeof INTENT_CATEGORIES)[IntentCategoryKey]['id'];

export const TAXONOMY: readonly TaxonomyCategory[] = [
  ...Object.values(TOXICITY_CATEGORIES),
  ...Object.values(INTENT_CATEGORIES),
];

const byId = new Map(TAXONOMY.map((c) => [c.id, c]));

export function taxonomyCategory(id: string): TaxonomyCategory | undefined {
  return byId.get(id);
}

export function isTaxonomyId(id: string): boolean {
  return byId.has(id);
}
