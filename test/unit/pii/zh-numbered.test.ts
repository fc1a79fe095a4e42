import { describe, expect, it } from 'vitest';
import { createRng, pick } from '../../../datasets/lib/rng.js';
import { numberedParts, numberedSuffixPositions } from '../../../guardrails/pii/recognizers/address.js';

/** The regex numberedParts replaces as a global scan (address.ts ZH_NUMBERED). */
const ZH_NUMBERED = /\d{1,5}(?:-\d{1,5})?(?:号院|号楼|号|弄|栋|幢|座|楼|层|室|单元|户)|[A-Za-z]\d{0,4}(?:栋|座|区|单元)/g;

function globalScan(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  ZH_NUMBERED.lastIndex = 0;
  for (let m = ZH_NUMBERED.exec(text); m !== null; m = ZH_NUMBERED.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

function parts(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  numberedParts(text, out);
  return out;
}

describe('Chinese numbered address parts (numberedParts)', () => {
  it('finds what a global scan of ZH_NUMBERED finds', () => {
    for (const t of ['北京市朝阳区建国路88号院3号楼2单元501室', '12345-12345号', '912345-12345号', '3-501室', 'B座12层', 'A栋', '订单号123456789012号楼', '5号楼楼', '1号号2号'])
      expect(parts(t)).toEqual(globalScan(t));
    expect(parts('建国路88号院3号楼')).toEqual([{ start: 3, end: 7, text: '88号院' }, { start: 7, end: 10, text: '3号楼' }]);
  });

  it('on random strings over digits, dashes, letters, suffixes and other characters', () => {
    const rng = createRng(20261129);
    const tokens = ['12345', '678901', '0', '1', '7', '9', '-', '--', 'A', 'b', 'Z', '号', '弄', '栋', '幢', '座', '楼', '层', '室', '单', '户', '区', '院', '元', ' ', '路', '市', '中', '，', 'x'];
    let matches = 0;
    for (let i = 0; i < 20000; i++) {
      let t = '';
      const len = 1 + Math.floor(rng() * 24);
      for (let k = 0; k < len; k++) t += pick(rng, tokens);
      const expected = globalScan(t);
      matches += expected.length;
      expect(parts(t)).toEqual(expected);
    }
    expect(matches).toBeGreaterThan(10000);
  });

  it("lists the suffix characters in namedComponents' walk where a scan for them finds them", () => {
    const scan = (t: string) => [...t.matchAll(/[号弄栋幢座楼层室单户区]/g)].map((m) => m.index);
    // 区 inside place suffixes the walk skips over (社区, 自治区, 特别行政区, 小区).
    for (const t of ['北京市朝阳区建国路88号院3号楼2单元501室', '广西壮族自治区南宁市', '香港特别行政区', '幸福社区3号楼', '阳光小区5栋', 'B座12层', ''])
      expect(numberedSuffixPositions(t)).toEqual(scan(t));
    const rng = createRng(20261130);
    const tokens = ['12', '7', '-', 'A', '号', '弄', '栋', '座', '楼', '层', '室', '单', '户', '区', '社区', '自治区', '小区', '特别行政区', '路', '市', '县', '镇', '街道', '大道', '中', '的', '在', '，', ' ', 'x'];
    for (let i = 0; i < 20000; i++) {
      let t = '';
      const len = 1 + Math.floor(rng() * 24);
      for (let k = 0; k < len; k++) t += pick(rng, tokens);
      expect(numberedSuffixPositions(t)).toEqual(scan(t));
    }
  });
});
