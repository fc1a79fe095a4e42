/**
 * Lower-case Cyrillic and Greek letters and small capitals that look like Latin ones, one UTF-16 unit for
 * one (offsets are kept). Shared by the classifiers' evasion normalisation and the tenant rules' matching:
 * 'glоbex' with a Cyrillic о read as globex to a model and a person, and passed a keyword rule for it.
 */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', ӏ: 'l', ԛ: 'q', ԝ: 'w', һ: 'h', ү: 'y',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  ς: 's', ɑ: 'a', ı: 'i', ℓ: 'l',
  // Small capitals ("ɪɢɴᴏʀᴇ ᴀʟʟ ᴘʀᴇᴠɪᴏᴜꜱ ɪɴꜱᴛʀᴜᴄᴛɪᴏɴꜱ"): lower-case letters NFKC keeps, which a model reads as plain ones.
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n',
  ᴏ: 'o', ᴘ: 'p', ǫ: 'q', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};

/** Upper-case Cyrillic and Greek letters that look like Latin capitals (АСМЕ, ΑΒΓ …). */
export const UPPER_HOMOGLYPHS: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', Ё: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  І: 'I', Ї: 'I', Ј: 'J', Ѕ: 'S', Ԁ: 'D', Ӏ: 'I', Ԛ: 'Q', Ԝ: 'W', Һ: 'H', Ү: 'Y',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

const NON_ASCII = /[^\x00-\x7f]/;

/** Dashes and the minus sign NFKC keeps (‐ ‑ ‒ – — ― −): read as '-' in a code like ACME–1234. */
const DASHES = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212'];

const CASED_CODES = new Map<number, string>([
  ...Object.entries(HOMOGLYPHS).map(([from, to]) => [from.charCodeAt(0), to] as [number, string]),
  ...Object.entries(UPPER_HOMOGLYPHS).map(([from, to]) => [from.charCodeAt(0), to] as [number, string]),
  ...DASHES.map((dash) => [dash.charCodeAt(0), '-'] as [number, string]),
]);

/**
 * Cyrillic/Greek look-alikes (either case) and small capitals replaced by the Latin letter, and dashes by
 * '-', one unit for one, case kept where the look-alike has one: for matching that must not fold case
 * (operator regexes).
 * Returns the text itself when nothing changes.
 */
export function latinLookalikes(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const latin = CASED_CODES.get(code);
    if (latin === undefined) continue;
    out += text.slice(from, i) + latin;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
