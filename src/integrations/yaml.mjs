// Content YAML → a JS module at build time (astro.config.mjs) and in the tests (test/vitest.config.ts);
// no YAML parser reaches the browser. js-yaml with its CORE schema: strings, numbers, booleans, lists
// and maps, but no timestamps — a date stays the text it was written as, so the schemas can refuse
// 2025-02-30 (js-yaml's default schema would silently turn it into 2025-03-02).
import { CORE_SCHEMA, load } from 'js-yaml';

/** @returns {import('vite').Plugin} */
export default function yaml() {
  return {
    name: 'zz-yaml',
    transform(source, id) {
      // Only plain imports: `?raw` and other queries are left to Vite.
      if (!/\.ya?ml$/i.test(id)) return null;
      let data;
      try {
        data = load(source, { schema: CORE_SCHEMA, filename: id });
      } catch (e) {
        this.error(`YAML 格式错误：${e instanceof Error ? e.message : String(e)}`);
      }
      return { code: `export default ${JSON.stringify(data ?? null)};\n`, map: { mappings: '' } };
    },
  };
}
