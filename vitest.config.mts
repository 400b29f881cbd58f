import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Four projects, so that the inner loop stays fast and no slow test can trip on the clock:
// - unit: the rule tests, the plugin's meta, the docs' examples and the fuzz test, in one
//   process without per-file isolation (`npm run test:unit`, seconds);
// - typecheck: every rule's fix and suggestion outputs in one `tsc` program;
// - e2e: the examples through the CLI, the consumer package, the editor, ESLint 9 beside 10,
//   SARIF and the live attacks;
// - corpus: every rule over the installed packages, bounded by its file count, not by time.
// `npm test` runs all four, as CI does.
export default defineConfig({
  test: {
    // Transformed modules are kept on disk (node_modules/.experimental-vitest-cache, keyed by their
    // text, emptied by `vitest --clearCache`): a run after an edit transforms only what changed, 3 s
    // less of the unit project's 20 on 2 cores, spent while its workers wait.
    experimental: { fsModuleCache: true },
    // A package's CommonJS exports as Node's own `import` hands them over, not through Vitest's proxy
    // of its default export: the rules read `AST_NODE_TYPES` millions of times, and each read
    // through that proxy cost a call (1 s of the unit project's work).
    deps: { interopDefault: false },
    setupFiles: ['./tests/setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/rules/**/*.test.ts', 'tests/*.test.ts'],
          pool: 'threads',
          isolate: false,
          // Vitest's default leaves one core to its main thread: one worker on a 2-core machine. The
          // main thread idles while the rule tests run, so a second worker takes a quarter off the
          // wall time there (29.6 s against 22.5 s, idle), and costs nothing beside a busy core.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          // A project with a worker count of its own runs as a group of its own: first, alone.
          sequence: { groupOrder: 0 },
          // Vitest's 5 s default is a clock that load can trip: a docs example that lints its code
          // cold took 5.3 s with the load average at 14 on 2 cores, and failed for that alone. The
          // cases are bounded by their own work; this guards against a hang only.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'typecheck',
          sequence: { groupOrder: 1 },
          include: ['tests/typecheck/**/*.test.ts'],
          // One compiler run over hundreds of programs: bounded by its inputs, not by the clock.
          testTimeout: 0,
          hookTimeout: 0,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 1 },
          include: ['tests/e2e/**/*.test.ts'],
          // Guards against a hang only: every step is bounded by its own work.
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'corpus',
          sequence: { groupOrder: 1 },
          include: ['tests/corpus/**/*.test.ts'],
          testTimeout: 0,
          hookTimeout: 0,
        },
      },
    ],
  },
});
