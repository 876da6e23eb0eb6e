/**
 * One direction (issue 11): content/ → src/data (reads and validates files) → src/rules (pure) → views.
 * src/rules imports no file reader, view or Node module; src/islands (code that ships to phones) imports
 * no Node module, no build-time data and no zod; no wizard screen imports Wizard.tsx.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)])).filter((f) => /\.(ts|tsx|mjs)$/.test(f));
/** Module specifiers a file imports at run time (`import type` is erased and does not count). */
const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm)].map((m) => m[1] ?? m[2]!);

describe('layers', () => {
  it('src/rules imports only src/rules, src/schema and src/lib (no data reader, view, Node module or zod)', () => {
    const bad = files('src/rules').flatMap((f) => imports(f).filter((i) => !/^\.\/|^\.\.\/(schema|lib)\//.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
  });
  it('src/rules uses src/schema only for zod-free modules at run time', () => {
    const bad = files('src/rules').flatMap((f) => imports(f).filter((i) => /^\.\.\/schema\/(index|region)/.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
  });
  it('src/islands ships no Node module, build-time data, zod or policy binding', () => {
    const bad = files('src/islands').flatMap((f) =>
      imports(f).filter((i) => /^node:|\/data\/|^zod|components\/policy\/data|\/site\/|\.astro$/.test(i) || /\/schema\/(index|region)\.ts$/.test(i)).map((i) => `${f}: ${i}`));
    expect(bad).toEqual([]);
  });
  it('no wizard screen imports Wizard.tsx (shared types live in src/islands/wizard/types.ts)', () => {
    const bad = files('src/islands/wizard').filter((f) => !f.endsWith('Wizard.tsx')).filter((f) => readFileSync(f, 'utf8').includes("./Wizard.tsx'"));
    expect(bad).toEqual([]);
  });
});
