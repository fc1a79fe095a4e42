/**
 * libphonenumber-js's validity verdict for the two shapes the phone recognizer asks about most, without
 * libphonenumber-js's per-call costs: its `matchesEntirely` builds `new RegExp('^(?:' + pattern + ')$')` from a
 * kilobyte-long metadata pattern on every call (several per number: the country's pattern, then each number
 * type's), plus parse/PhoneNumber/Metadata objects. Here the same metadata patterns (read through the library's
 * own Metadata class, so a library upgrade brings its data along) are compiled once per numbering plan, and the
 * library's decision steps are followed for inputs where each step is known to be a no-op or a plain lookup.
 * Anything else returns `undefined` and the caller asks the library itself. Nothing about a number is kept:
 * the only cache is of compiled metadata patterns, per numbering plan.
 *
 * Kept in step with libphonenumber-js 1.13.x: parse.js (parsePhoneNumber), helpers/extractCountryCallingCode.js,
 * extractNationalNumber*.js, getCountryByCallingCode.js, getCountryByNationalNumber.js, getNumberType.js,
 * isValid.js. test/unit/pii/phone-validity.test.ts compares the verdicts with the library's on random numbers
 * of every calling code and NANP area code, so a behaviour change in an upgrade fails there.
 */
import { Metadata } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/min/metadata';

/**
 * The runtime methods of libphonenumber-js's Metadata that this module reads. Its bundled typings declare only
 * the constructor and selectNumberingPlan, hence the cast below (these methods are what the library's own
 * parse and isValid call).
 */
interface NumberingPlanType {
  pattern(): string | undefined;
  possibleLengths(): number[] | undefined;
}
interface MetadataApi {
  selectNumberingPlan(countryOrCallingCode: string): unknown;
  hasCallingCode(callingCode: string): boolean;
  isNonGeographicCallingCode(callingCode: string): boolean;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  nationalPrefixForParsing(): string | undefined;
  leadingDigits(): string | undefined;
  IDDPrefix(): string | undefined;
  hasTypes(): boolean;
  type(type: string): NumberingPlanType | undefined;
}

const metadata = new Metadata(metadataJson) as unknown as MetadataApi;

/** getNumberType's order: FIXED_LINE first, then these (helpers/getNumberType.js NON_FIXED_LINE_PHONE_TYPES). */
const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

interface Plan {
  /** `^(?:nationalNumberPattern)$`, as matchesEntirely builds it. */
  national: RegExp;
  /** `^(?:nationalPrefixForParsing)`, as extractNationalNumberFromPossiblyIncompleteNumber builds it. */
  prefixForParsing: RegExp | undefined;
  /** IDDPrefix, used as `number.search(IDDPrefix) === 0` (stripIddPrefix; undefined: no IDD prefix). */
  idd: RegExp | undefined;
  /** leadingDigits, used as `nationalNumber.search(leadingDigits) === 0`. */
  leadingDigits: RegExp | undefined;
  /** With types: `[pattern, possibleLengths]` per type that has a pattern, in getNumberType's order; undefined without. */
  types: Array<[RegExp, number[] | undefined]> | undefined;
  /** The plan's general possible lengths (checkNumberLength without a type reads these), sorted ascending. */
  possibleLengths: number[] | undefined;
}

const plans = new Map<string, Plan>();

/** The numbering plan that `selectNumberingPlan(key)` selects (a country code, or a calling code: its main country). */
function plan(key: string): Plan {
  let p = plans.get(key);
  if (p) return p;
  metadata.selectNumberingPlan(key);
  const npfp = metadata.nationalPrefixForParsing();
  const leading = metadata.leadingDigits();
  const idd = metadata.IDDPrefix();
  let types: Plan['types'];
  if (metadata.hasTypes()) {
    types = [];
    for (const t of TYPES) {
      const def = metadata.type(t);
      const pattern = def?.pattern();
      if (!def || !pattern) continue; // isNumberTypeEqualTo: no definition or an empty pattern is no match
      types.push([new RegExp(`^(?:${pattern})$`), def.possibleLengths()]);
    }
  }
  p = {
    national: new RegExp(`^(?:${metadata.nationalNumberPattern()})$`),
    prefixForParsing: npfp ? new RegExp(`^(?:${npfp})`) : undefined,
    idd: idd ? new RegExp(idd) : undefined,
    leadingDigits: leading ? new RegExp(leading) : undefined,
    types,
    possibleLengths: metadata.possibleLengths(),
  };
  plans.set(key, p);
  return p;
}

/** getNumberType(...) !== undefined for a national number under a plan with types. */
function hasType(p: Plan, national: string): boolean {
  if (!p.national.test(national)) return false;
  for (const [re, lengths] of p.types!) {
    if (lengths && lengths.indexOf(national.length) < 0) continue;
    if (re.test(national)) return true;
  }
  return false;
}

/** isValid of a parsed number whose numbering plan is `key` (isValid.js). */
function validUnder(key: string, national: string): boolean {
  const p = plan(key);
  return p.types ? hasType(p, national) : p.national.test(national);
}

/** getCountryByCallingCode: the calling code's one country, or the first whose leading digits or types fit. */
function countryFor(countries: readonly string[], national: string): string | undefined {
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const p = plan(country);
    if (p.leadingDigits) {
      if (national.search(p.leadingDigits) === 0) return country;
    } else if (p.types && hasType(p, national)) {
      // getNumberType: a plan without types has no FIXED_LINE or other type to match, so it returns undefined.
      return country;
    }
  }
  return undefined;
}

/** Calling codes whose country list holds only real countries (no non-geographic '001' entries). */
const geographic = new Map<string, readonly string[] | null>();
function countriesOf(callingCode: string): readonly string[] | null {
  let c = geographic.get(callingCode);
  if (c === undefined) {
    const list = metadata.getCountryCodesForCallingCode(callingCode);
    c = list && list.length > 0 && !list.includes('001') && !metadata.isNonGeographicCallingCode(callingCode) ? [...list] : null;
    geographic.set(callingCode, c);
  }
  return c;
}

/** The only input shape the international shortcut reasons about. */
const E164_SHAPE = /^\+[1-9]\d{6,14}$/;

/** checkNumberLength(national, country, metadata) without a type: the plan's general possible lengths (helpers/checkNumberLength.js). */
function lengthVerdict(lengths: readonly number[], length: number): 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH' {
  if (lengths[0] === length) return 'IS_POSSIBLE';
  if (lengths[0]! > length) return 'TOO_SHORT';
  if (lengths[lengths.length - 1]! < length) return 'TOO_LONG';
  return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/**
 * extractNationalNumber(digits) under the calling code's main plan (helpers/extractNationalNumber.js): the national
 * prefix (a trunk 0 written after the calling code, `+46 (0)8 …`) is stripped unless the number fitted the plan's
 * pattern only with it, or what is left is too short or of an invalid length for its country. `undefined` when the
 * prefix pattern captures a group (carrier codes, transform rules: the library's).
 */
function nationalNumberOf(main: Plan, countries: readonly string[], digits: string): string | undefined {
  if (!main.prefixForParsing) return digits;
  const prefix = main.prefixForParsing.exec(digits);
  if (prefix === null) return digits;
  const groups = prefix.length - 1;
  if (groups > 0 && prefix[groups]) return undefined;
  const stripped = digits.slice(prefix[0].length);
  if (stripped === digits) return digits;
  // shouldHaveExtractedNationalPrefix
  if (main.national.test(digits) && !main.national.test(stripped)) return digits;
  if (main.possibleLengths) {
    // isPossibleIncompleteNationalNumber: the country's plan if one is found for the stripped number, else the main plan.
    const country = countryFor(countries, stripped);
    const lengths = country === undefined ? main.possibleLengths : plan(country).possibleLengths;
    if (!lengths) return undefined; // checkNumberLength would say IS_POSSIBLE; not worth following
    const verdict = lengthVerdict(lengths, stripped.length);
    if (verdict === 'TOO_SHORT' || verdict === 'INVALID_LENGTH') return digits;
  }
  return stripped;
}

/**
 * What the phone recognizer's `lib` decides for `+` followed by 7–15 digits, the first not 0:
 * `parsePhoneNumberFromString(e164)` then `isValid()`, else `isPossible()` ('possible') or neither ('no').
 * `undefined` when this shortcut cannot tell (the caller then asks the library): a calling code the shortcut does
 * not follow (none, or a non-geographic one), a national prefix pattern with a captured group, a national number
 * outside parse's 2–17 digits, or a plan without possible lengths.
 */
export function internationalVerdict(e164: string): 'valid' | 'possible' | 'no' | undefined {
  if (!E164_SHAPE.test(e164)) return undefined;
  // extractCountryCallingCode: the shortest prefix of 1–3 digits that is a calling code.
  let callingCode: string | undefined;
  for (let i = 2; i <= 4 && i < e164.length; i++) {
    const code = e164.slice(1, i);
    if (metadata.hasCallingCode(code)) {
      callingCode = code;
      break;
    }
  }
  if (callingCode === undefined) return undefined;
  const countries = countriesOf(callingCode);
  if (countries === null) return undefined;
  const main = plan(callingCode);
  const national = nationalNumberOf(main, countries, e164.slice(1 + callingCode.length));
  if (national === undefined) return undefined;
  // parse: MIN_LENGTH_FOR_NSN 2, MAX_LENGTH_FOR_NSN 17.
  if (national.length < 2 || national.length > 17) return undefined;
  // The PhoneNumber's country (getCountryByCallingCode); isValid and isPossible select its plan, else the calling code's.
  const numberPlan = plan(countryFor(countries, national) ?? callingCode);
  if (numberPlan.types ? hasType(numberPlan, national) : numberPlan.national.test(national)) return 'valid';
  // isPossible: checkNumberLength without a type, IS_POSSIBLE only.
  if (!numberPlan.possibleLengths) return undefined;
  return lengthVerdict(numberPlan.possibleLengths, national.length) === 'IS_POSSIBLE' ? 'possible' : 'no';
}

const TEN_DIGITS = /^\d{10}$/;

/**
 * `parsePhoneNumberFromString(text, 'US')?.isValid() === true` for a NANP-shaped candidate (digits with
 * `( ) - . ` separators) whose digits are exactly ten, the first 2–9; `undefined` for any other digit string
 * (a leading 1 or 0 takes the library's national-prefix and IDD steps: the caller asks the library).
 */
export function nanpIsValid(digits: string): boolean | undefined {
  if (digits.length !== 10 || !TEN_DIGITS.test(digits)) return undefined;
  const first = digits.charCodeAt(0);
  if (first < 50 || first > 57) return undefined;
  // stripIddPrefix: no IDD prefix (011) at the start; extractCountryCallingCodeFromInternationalNumberWithoutPlusSign:
  // the digits do not start with the calling code 1; extractNationalNumber: no national prefix (1) to strip. So
  // the ten digits are the national number, and the country is chosen among calling code 1's (else US stays).
  const us = plan('US');
  if (us.idd && digits.search(us.idd) === 0) return undefined;
  if (us.prefixForParsing && us.prefixForParsing.test(digits)) return undefined;
  const countries = countriesOf('1');
  if (countries === null) return undefined;
  const country = countryFor(countries, digits);
  return validUnder(country ?? 'US', digits);
}
