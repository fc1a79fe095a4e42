/**
 * Development tool (not part of the runtime): ms per KB of the PII detector on long single texts of one shape
 * each (Chinese addresses back to back, lists of names, digit runs, mixed scripts …), for one checkout or two
 * (A = first, B = second, timed alternately in one process: process CPU time, median of ROUNDS), and whether
 * the two find the same. See "Worst-case inputs" in docs/pii.md.
 *
 *   npx tsx guardrails/pii/worst-case-check.ts <base> .      # KB=64,256 ROUNDS=5 SHAPES=enNames,mixed
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
interface D { detect(t: string): unknown[] }
async function load(root: string): Promise<D> {
  const m = await import(pathToFileURL(resolve(root, 'guardrails/pii/index.ts')).href);
  return m.createPiiDetector();
}
let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
const bytes = (s: string) => Buffer.byteLength(s);
const provinces = ['北京市朝阳区', '上海市浦东新区', '广东省深圳市南山区', '浙江省杭州市西湖区', '四川省成都市武侯区'];
const streets = ['建国路', '中山北路', '科技园南路', '人民大道', '文三路'];
const zhNames = ['张伟', '王芳', '李娜', '刘洋', '陈静', '欧阳明', '司马光'];
const shapes: Record<string, () => string> = {
  zhAddrB2B: () => `${pick(provinces)}${pick(streets)}${Math.floor(rnd() * 999)}号${Math.floor(rnd() * 30)}栋${Math.floor(rnd() * 2000)}室`,
  zhAddrProse: () => `我住在${pick(provinces)}${pick(streets)}${Math.floor(rnd() * 999)}号，联系人${pick(zhNames)}，电话1${Math.floor(3e9 + rnd() * 6e9)}。`,
  zhNamesList: () => pick(zhNames) + '、',
  zhHonorific: () => pick(zhNames).slice(0, 1) + '先生' + pick(['和', '与', '、']),
  cjkRun: () => '的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你对生能过',
  enNames: () => pick(['John Smith', 'Mary Johnson', 'Robert Brown', 'Dr. Alice Walker', 'Mr. James Lee']) + ', ',
  enHonorific: () => pick(['Mr. ', 'Mrs. ', 'Dr. ', 'Ms. ']),
  digitsSep: () => `${Math.floor(rnd() * 1e4)}-${Math.floor(rnd() * 1e4)} `,
  digitsSepNoSpace: () => `${Math.floor(rnd() * 1e4)}-`,
  digitRun: () => '0123456789',
  letterRun: () => 'abcdefghij',
  upperRun: () => 'ABCDEFGHIJ',
  alnumRun: () => 'a1b2c3d4e5',
  mixed: () => `${pick(zhNames)} John ${Math.floor(rnd() * 1e6)} ${pick(provinces)} `,
  spaces: () => '          ',
  emailish: () => 'a.b.c.d.e@',
  dotsNums: () => '1.2.3.4.5.',
  enAddr: () => `${Math.floor(rnd() * 9999)} ${pick(['Main', 'Oak', 'Elm'])} Street, Apt ${Math.floor(rnd() * 99)}, Springfield, IL 62704. `,
  hexRun: () => 'deadbeef01',
  keyish: () => 'sk-abcdEFGH1234ijkl',
  zhDigitsWords: () => '一二三四五六七八九零',
  phonesList: () => `1${Math.floor(3e9 + rnd() * 6e9)}，`,
  newlines: () => 'a\n',
  colonKV: () => 'name: x\n',
};
function make(gen: () => string, kb: number): string {
  seed = 7;
  const parts: string[] = [];
  let size = 0;
  while (size < kb * 1024) {
    const part = gen();
    parts.push(part);
    size += bytes(part);
  }
  return parts.join('');
}
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const [rootA, rootB] = [process.argv[2]!, process.argv[3]!];
const kbs = (process.env.KB ?? '64,256').split(',').map(Number);
const only = process.env.SHAPES?.split(',');
const A = await load(rootA), B = rootB ? await load(rootB) : null;
for (const [name, gen] of Object.entries(shapes)) {
  if (only && !only.includes(name)) continue;
  const out: string[] = [];
  for (const kb of kbs) {
    const t = make(gen, kb); const b = bytes(t) / 1024;
    const ra: number[] = [], rb: number[] = [];
    const rounds = Number(process.env.ROUNDS ?? 5);
    A.detect(t); B?.detect(t);
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 ? [B, A] : [A, B];
      for (const d of order) { if (!d) continue; const c = cpu(); d.detect(t); const e = cpu() - c; (d === A ? ra : rb).push(e / b); }
    }
    const med = (x: number[]) => x.sort((p, q) => p - q)[Math.floor(x.length / 2)]!;
    if (B && JSON.stringify(A.detect(t)) !== JSON.stringify(B.detect(t))) out.push("DIFF");
    out.push(`${kb}KB A ${med(ra).toFixed(3)}` + (B ? ` B ${med(rb).toFixed(3)}` : ''));
  }
  console.log(name.padEnd(18), out.join(' | '));
}
