/**
 * Run by candidate-shape.test.ts in a child process with --allow-natives-syntax: every built-in recognizer's
 * candidates, over generated EN and ZH rows and documents made of them, must share one hidden class with
 * small-integer start and end. (One recognizer once stored a boxed double as an end; V8 then turned the start
 * and end fields of that shared class into double fields for the whole process, deprecating the class the
 * detector's loop had been optimised for.) Prints a JSON report.
 */
import { generate } from '../../../datasets/pii/generate.js';
import { factsOf } from '../../../guardrails/pii/detector.js';
import { normalize } from '../../../guardrails/core/normalize.js';
import { BUILTIN_RECOGNIZERS } from '../../../guardrails/pii/recognizers/index.js';

// Natives through the Function constructor: TypeScript cannot parse the % syntax.
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const isSmi = new Function('v', 'return %IsSmi(v)') as (v: unknown) => boolean;

// The regional rows reach the Hong Kong / Macau / Taiwan recognizers.
const rows = [...generate(1200, 20261129), ...generate(200, 20261129, { regional: true })].map((r) => r.text);
const texts = [...rows];
for (let i = 0; i < rows.length; i += 60) texts.push(rows.slice(i, i + 60).join('\n'));
const first: object[] = [];
const maps: Array<{ recognizers: string[]; count: number }> = [];
const boxed: string[] = [];
for (const raw of texts) {
  const text = normalize(raw).text;
  const facts = factsOf(text);
  for (const r of BUILTIN_RECOGNIZERS) {
    for (const c of r.recognize(text, facts)) {
      if (!isSmi(c.start) || !isSmi(c.end)) boxed.push(`${r.name} ${c.validator}`);
      let k = first.findIndex((o) => haveSameMap(o, c));
      if (k < 0) {
        first.push(c);
        maps.push({ recognizers: [], count: 0 });
        k = first.length - 1;
      }
      maps[k]!.count++;
      if (!maps[k]!.recognizers.includes(r.name)) maps[k]!.recognizers.push(r.name);
    }
  }
}
console.log(JSON.stringify({ maps, boxed: boxed.slice(0, 5) }));
