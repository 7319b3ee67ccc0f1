import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code (*.test.ts). End-to-end specs are Playwright's (e2e/).
export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'native-engine/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'out/test-reports/unit.json' }]],
  },
});
