import { defineConfig } from 'vitest/config';
import yaml from '../src/integrations/yaml.mjs';

// Two projects: `unit` (engine, schemas, content; no browser) and `e2e` (the built site in Chromium).
export default defineConfig({
  plugins: [yaml()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/content/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/setup/global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
