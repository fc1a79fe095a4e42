/** Cheap script-based language guess (en vs zh) for picking per-language thresholds. */

/** `zh` when at least 30% of the letters in the first `sample` characters are CJK ideographs. */
export function guessLang(text: string, sample = 1000): 'en' | 'zh' {
  let cjk = 0;
  let latin = 0;
  const end = Math.min(text.length, sample);
  for (let i = 0; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) cjk += 1;
    else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) latin += 1;
  }
  // A Chinese character carries about as much as a short English word: weight it accordingly.
  return cjk * 4 >= (cjk * 4 + latin) * 0.3 && cjk > 0 ? 'zh' : 'en';
}
