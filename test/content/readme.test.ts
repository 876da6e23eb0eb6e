/**
 * README's 「答案参数」 table is the public contract of share links and poster QR codes. It must list
 * every question of the table (src/schema/questions.ts), in order, with every value the links accept
 * and the stages a question is limited to.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/schema/questions.ts';
import { FAMILY_STATUSES } from '../../src/schema/vocab.ts';
import { stageName } from '../../src/schema/words.ts';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('### 答案参数'), readme.indexOf('\n## ', readme.indexOf('### 答案参数')));
const rows = new Map([...section.matchAll(/^\| `([a-z]+)` \| (.+) \|$/gm)].map((m) => [m[1]!, m[2]!]));

describe('README 「答案参数」', () => {
  it('lists every question, in asking order', () => {
    expect([...rows.keys()]).toEqual(QUESTIONS.map((q) => q.id));
  });
  for (const q of QUESTIONS) {
    it(`gives every value of ${q.id}${'stages' in q ? ' and the stages that ask it' : ''}`, () => {
      const row = rows.get(q.id) ?? '';
      const values = q.kind === 'family' ? [...FAMILY_STATUSES, 'none', 'unknown'] : 'options' in q ? q.options.map((o) => o.value) : [];
      for (const v of values) expect(row, `${q.id}=${v}`).toContain(`\`${v}\``);
      if ('stages' in q) for (const st of q.stages) expect(row, `${q.id}: ${st}`).toContain(stageName(st));
    });
  }
});
