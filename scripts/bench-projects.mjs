// The whole-project half of `npm run bench`: five real MCP server repositories (scripts/projects.mjs)
// linted whole, every JavaScript and TypeScript file at its real path, as `eslint .` would lint them,
// so that the rules read the other modules of each project from disk as they do in a user's run.
// Three variants, each in a fresh ESLint instance, in interleaved rounds: @typescript-eslint/parser
// with no rules; this plugin's `recommended`; and eslint-plugin-sonarjs's `cors` + `csrf`. It prints
// the wall and CPU medians, the overhead of each over no rules per repository and for the five
// together, the per-rule times (ESLint `stats`) with the time spent reading modules, and the module
// graph's peak cache. docs/performance.md records a run. `npm run bench` runs it after the package
// corpus (`--skip-projects` to leave it out, `--projects-only` for just this).
//
//   node scripts/bench-projects.mjs [--rounds N] [--quick] [--json FILE] [--strict]
//
// --rounds N   timed rounds after the first (default 3); the first round is reported apart
// --quick      the three smaller repositories and 1 timed round: to try a change, not for the record
// --json FILE  also write the raw numbers
// --strict     exit 1 when a bar is missed (a rule exception always exits 1)
//
// The plugin's module cache lives as long as the process. Every lint here starts with it empty
// (`clearModuleGraph()` from the build, then a full garbage collection), so each timed run of
// `recommended` pays for reading the modules it follows, as `eslint .` in a new process does; the
// stats passes at the end also lint each repository once more with the cache left full (an editor,
// or a second run in a long-lived process) to show what the reading costs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import sonarjs from 'eslint-plugin-sonarjs';
import { root } from './corpus.mjs';
import { LINTED_EXTENSIONS, PROJECT_IGNORES, PROJECTS, checkout, mirrors, trees } from './projects.mjs';

const require = createRequire(import.meta.url);
/** The built plugin, as users get it, and its module graph (the same instance the rules use). */
const plugin = require('../dist/index.js');
const moduleGraph = require('../dist/analysis/module-graph.js');

const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    strict: { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(flags.rounds ?? (flags.quick ? 1 : 3));
if (!Number.isInteger(ROUNDS) || ROUNDS < 1)
  throw new Error(`--rounds must be a positive integer, not ${flags.rounds}`);

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

const clock = () => ({ wall: process.hrtime.bigint(), cpu: process.cpuUsage() });
const since = (start) => {
  const cpu = process.cpuUsage(start.cpu);
  return { wall: Number(process.hrtime.bigint() - start.wall) / 1e6, cpu: (cpu.user + cpu.system) / 1000 };
};
const versionOf = (name) =>
  JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

/** The cache's bound, as the source states it (not exported): the bar checks the peak against it. */
const MAX_CACHED_MODULES = Number(
  /const MAX_CACHED_MODULES = ([\d_]+)/u
    .exec(fs.readFileSync(path.join(root, 'src', 'analysis', 'module-graph.ts'), 'utf8'))?.[1]
    .replaceAll('_', '') ?? NaN,
);

// --- The variants ------------------------------------------------------------------------------

/**
 * What every variant shares: the files a project's `eslint .` lints (scripts/projects.mjs), all
 * through @typescript-eslint/parser without type information, at their real paths. Inline
 * configuration is off, as in the package corpus: the projects' comments name their own rules, and
 * each variant must run exactly its own.
 */
const baseConfig = [
  { ignores: PROJECT_IGNORES },
  {
    files: [`**/*.{${LINTED_EXTENSIONS.join(',')}}`],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest' },
  },
  {
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
  },
];
const SONAR_RULES = ['sonarjs/cors', 'sonarjs/csrf'];
const sonarConfig = { plugins: { sonarjs }, rules: Object.fromEntries(SONAR_RULES.map((id) => [id, 'error'])) };
/**
 * One rule that does nothing (`create()` returns no listeners): what ESLint itself costs once any
 * rule is on, which a project always has. With no rule at all ESLint's run keeps less of each file
 * alive through the young generation's collections; one no-op rule already costs more minor-GC
 * time than many rules' own work, and every plugin pays it. Ratios over it show the plugin's own share.
 */
const noopPlugin = {
  rules: { noop: { meta: { type: 'problem', schema: [] }, create: () => ({}) } },
};
const VARIANTS = [
  { id: 'baseline', label: 'parser, no plugin rules', config: baseConfig },
  { id: 'recommended', label: 'mcp-cors `recommended`', config: [...baseConfig, plugin.configs.recommended] },
  { id: 'sonarjs', label: 'sonarjs `cors` + `csrf`', config: [...baseConfig, sonarConfig] },
  {
    id: 'noop',
    label: 'parser, one no-op rule',
    config: [...baseConfig, { plugins: { bench: noopPlugin }, rules: { 'bench/noop': 'error' } }],
  },
];
const RECOMMENDED_RULES = Object.keys(plugin.configs.recommended.rules).sort();

// --- The projects --------------------------------------------------------------------------------

const QUICK_PICK = new Set(['platformatic/mcp', 'Flux159/mcp-server-kubernetes', 'punkpeye/mcp-proxy']);
const missing = [];
const projects = [];
for (const project of PROJECTS) {
  if (flags.quick && !QUICK_PICK.has(project.repo)) continue;
  const tree = checkout(project);
  if ('missing' in tree) {
    missing.push(`${project.repo}@${project.commit.slice(0, 8)}: ${tree.missing}`);
    continue;
  }
  projects.push({ ...project, dir: tree.dir });
}

const header = [
  `eslint-plugin-mcp-cors ${plugin.meta.version}, whole-project benchmark, ${new Date().toISOString()}`,
  `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${os.platform()} ${os.release()}, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average at the start ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  `eslint ${versionOf('eslint')}, @typescript-eslint/parser ${versionOf('@typescript-eslint/parser')}, eslint-plugin-sonarjs ${versionOf('eslint-plugin-sonarjs')}`,
  `snapshots: ${mirrors}; trees: ${trees} (the corpus scorer's snapshots and cache of trees)`,
  `${flags.quick ? '--quick: three of the five repositories, NOT a run for the record; ' : ''}` +
    `the first round, then ${ROUNDS} timed rounds; the module cache emptied before every lint`,
  `recommended: ${RECOMMENDED_RULES.join(', ')}`,
];
console.log(header.join('\n'));
for (const note of missing) console.log(`MISSING, left out: ${note}`);
if (projects.length === 0) {
  console.log('No repository to lint: the whole-project benchmark did not run.');
  if (flags.json) fs.writeFileSync(flags.json, `${JSON.stringify({ header, missing, projects: [] }, null, 2)}\n`);
  process.exit(flags.strict ? 1 : 0);
}

// --- Running -------------------------------------------------------------------------------------

/** One entry per project, variant and rule that threw. */
const exceptions = [];

/**
 * One whole-project lint in a fresh ESLint instance, from creating the instance to the last result,
 * with the module cache emptied and the heap collected first (neither timed). Returns the time and
 * the results, or null when the lint threw.
 */
async function lintProject(project, variant, { stats = false, keepCache = false } = {}) {
  if (!keepCache) moduleGraph.clearModuleGraph();
  collectGarbage();
  const start = clock();
  try {
    const eslint = new ESLint({
      cwd: project.dir,
      overrideConfigFile: true,
      overrideConfig: variant.config,
      cache: false,
      stats,
    });
    const results = await eslint.lintFiles(['.']);
    return { time: since(start), results };
  } catch (error) {
    const ruleId = error?.ruleId ?? null;
    if (!exceptions.some((entry) => entry.repo === project.repo && entry.ruleId === ruleId)) {
      exceptions.push({
        repo: project.repo,
        variant: variant.id,
        ruleId,
        message: String(error?.message ?? error).split('\n')[0],
        stack: String(error?.stack ?? '')
          .split('\n')
          .slice(0, 12)
          .join('\n'),
      });
    }
    return null;
  }
}

const reportsOf = (results) =>
  results.reduce((sum, result) => sum + result.messages.filter((message) => message.ruleId).length, 0);

const started = clock();
const elapsedSeconds = () => (since(started).wall / 1000).toFixed(0);
/** times[variant][round][project] = { wall, cpu } in ms; round 0 is the first round. */
const times = Object.fromEntries(
  VARIANTS.map((variant) => [variant.id, Array.from({ length: ROUNDS + 1 }, () => new Array(projects.length))]),
);
for (const project of projects) {
  project.reports = {};
  project.failed = new Set();
}

for (let round = 0; round <= ROUNDS; round++) {
  for (const [index, project] of projects.entries()) {
    const shift = (index + round) % VARIANTS.length;
    for (const variant of [...VARIANTS.slice(shift), ...VARIANTS.slice(0, shift)]) {
      const loadsBefore = moduleGraph.moduleGraphStats();
      const outcome = await lintProject(project, variant);
      if (!outcome) {
        project.failed.add(variant.id);
        continue;
      }
      times[variant.id][round][index] = outcome.time;
      project.reports[variant.id] = reportsOf(outcome.results);
      if (variant.id === 'baseline' && round === 0) {
        project.files = outcome.results.length;
        project.bytes = outcome.results.reduce((sum, result) => sum + fs.statSync(result.filePath).size, 0);
        project.byExtension = {};
        for (const result of outcome.results) {
          const extension = path.extname(result.filePath);
          project.byExtension[extension] = (project.byExtension[extension] ?? 0) + 1;
        }
        project.parseErrors = outcome.results
          .filter((result) => result.messages.some((message) => message.fatal))
          .map((result) => path.relative(project.dir, result.filePath));
      }
      if (variant.id === 'recommended') {
        const after = moduleGraph.moduleGraphStats();
        project.graph = {
          loads: after.loads - loadsBefore.loads,
          parseFailures: after.parseFailures - loadsBefore.parseFailures,
          modules: after.modules,
          bytes: after.bytes,
        };
      }
    }
    process.stderr.write(
      `  ${round === 0 ? 'first round' : `round ${round}/${ROUNDS}`}: ${project.repo}, ${elapsedSeconds()} s\n`,
    );
  }
}

// --- Per-rule times: ESLint stats, untimed passes ------------------------------------------------
//
// For each project: `recommended` with the cache emptied first (as timed above) and again with the
// cache left full, and the sonarjs rules. Reading a module happens inside whichever rule first asks
// for it, so the time of `LintSession.load` (stat, read, parse, scope analysis) is measured apart
// during these passes, by wrapping the build's method: it is part of the rules' times, not added.
const { LintSession } = moduleGraph;
const originalLoad = LintSession.prototype.load;
let loadTimer = null;
LintSession.prototype.load = function load(file) {
  if (!loadTimer) return originalLoad.call(this, file);
  const start = clock();
  try {
    return originalLoad.call(this, file);
  } finally {
    const time = since(start);
    loadTimer.wall += time.wall;
    loadTimer.cpu += time.cpu;
    loadTimer.calls++;
  }
};

const STATS_PASSES = [
  { id: 'baseline', variant: VARIANTS[0], keepCache: false },
  { id: 'cold', variant: VARIANTS[1], keepCache: false },
  { id: 'warm', variant: VARIANTS[1], keepCache: true },
  { id: 'sonarjs', variant: VARIANTS[2], keepCache: false },
];
/** ruleMs[pass][ruleId][project] = ms; slowest[pass][ruleId] = { repo, file, ms }. */
const ruleMs = Object.fromEntries(STATS_PASSES.map((pass) => [pass.id, {}]));
const slowest = Object.fromEntries(STATS_PASSES.map((pass) => [pass.id, {}]));
/** fileMs[pass] = Map of `<repo>: <path>` → ms of all the pass's rules in that file. */
const fileMs = Object.fromEntries(STATS_PASSES.map((pass) => [pass.id, new Map()]));
const shortName = (repo) => repo.split('/')[1];
const heapMB = () => process.memoryUsage().heapUsed / 2 ** 20;

for (const [index, project] of projects.entries()) {
  project.statsPasses = {};
  for (const pass of STATS_PASSES) {
    loadTimer = { wall: 0, cpu: 0, calls: 0 };
    const loadsBefore = moduleGraph.moduleGraphStats().loads;
    let outcome = await lintProject(project, pass.variant, { stats: true, keepCache: pass.keepCache });
    const reads = loadTimer;
    loadTimer = null;
    if (!outcome) continue;
    let parse = 0;
    let total = 0;
    for (const result of outcome.results) {
      const file = `${shortName(project.repo)}: ${path.relative(project.dir, result.filePath)}`;
      for (const statsPass of result.stats?.times.passes ?? []) {
        parse += statsPass.parse?.total ?? 0;
        total += statsPass.total ?? 0;
        for (const [id, { total: ms }] of Object.entries(statsPass.rules ?? {})) {
          fileMs[pass.id].set(file, (fileMs[pass.id].get(file) ?? 0) + ms);
          ruleMs[pass.id][id] ??= new Array(projects.length).fill(0);
          ruleMs[pass.id][id][index] += ms;
          if (!slowest[pass.id][id] || slowest[pass.id][id].ms < ms) {
            slowest[pass.id][id] = { repo: project.repo, file: path.relative(project.dir, result.filePath), ms };
          }
        }
      }
    }
    project.statsPasses[pass.id] = {
      wall: outcome.time.wall,
      cpu: outcome.time.cpu,
      parse,
      total,
      rules: Object.values(ruleMs[pass.id]).reduce((sum, perRepo) => sum + perRepo[index], 0),
      reads,
      loads: moduleGraph.moduleGraphStats().loads - loadsBefore,
    };
    if (pass.id === 'cold') {
      // What the full cache holds on the heap: the parsed modules, their scopes and source code.
      outcome = null;
      collectGarbage();
      project.heapFull = heapMB();
    }
  }
  moduleGraph.clearModuleGraph();
  collectGarbage();
  project.heapHeld = project.heapFull - heapMB();
  process.stderr.write(`  stats passes: ${project.repo}, ${elapsedSeconds()} s\n`);
}
LintSession.prototype.load = originalLoad;
const wallSeconds = since(started).wall / 1000;

// --- Numbers -------------------------------------------------------------------------------------

const median = (values) => {
  const list = [...values].sort((a, b) => a - b);
  const middle = Math.floor(list.length / 2);
  return list.length % 2 ? list[middle] : (list[middle - 1] + list[middle]) / 2;
};
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
const seconds = (ms) => (ms / 1000).toFixed(2);
const percent = (ratio) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(2)} %`;
const CLOCKS = ['wall', 'cpu'];
const timedRounds = Array.from({ length: ROUNDS }, (_, index) => index + 1);

/** The projects every variant linted without an exception: the only ones the ratios can compare. */
const measured = projects.map((project, index) => index).filter((index) => projects[index].failed.size === 0);
const sumRound = (variantId, round, clockName, indices) =>
  indices.reduce((sum, index) => sum + times[variantId][round][index][clockName], 0);

/** Per project (an index) or for all measured ones (`null`): medians and ratios over the timed rounds. */
function summarise(projectIndex, rounds = timedRounds) {
  const indices = projectIndex === null ? measured : [projectIndex];
  const out = {};
  for (const clockName of CLOCKS) {
    out[clockName] = {};
    for (const variant of VARIANTS) {
      const totals = rounds.map((round) => sumRound(variant.id, round, clockName, indices));
      const ratios = rounds.map((round, at) => totals[at] / sumRound('baseline', round, clockName, indices));
      out[clockName][variant.id] = {
        median: median(totals),
        ratio: median(ratios),
        min: Math.min(...ratios),
        max: Math.max(...ratios),
      };
    }
  }
  return out;
}
const perProject = measured.map((index) => ({ index, numbers: summarise(index) }));
const overall = summarise(null);
const firstRound = {
  perProject: measured.map((index) => ({ index, numbers: summarise(index, [0]) })),
  overall: summarise(null, [0]),
};

console.log(
  `\nLinted ${projects.length} repositories (${projects.reduce((sum, project) => sum + project.files, 0)} files) ` +
    `${ROUNDS + 1} times with each variant in ${wallSeconds.toFixed(0)} s of wall time, stats passes included.\n`,
);
console.log('## The repositories\n');
console.log(
  table(
    ['repository', 'commit', 'framework', 'files', 'MB', 'by extension', 'parse errors'],
    projects.map((project) => [
      project.repo,
      `\`${project.commit.slice(0, 7)}\``,
      project.framework,
      String(project.files),
      (project.bytes / 1e6).toFixed(2),
      Object.entries(project.byExtension)
        .sort((a, b) => b[1] - a[1])
        .map(([extension, count]) => `${count} \`${extension}\``)
        .join(', '),
      String(project.parseErrors.length),
    ]),
  ),
);
for (const project of projects)
  for (const file of project.parseErrors) console.log(`  parse error: ${project.repo}: ${file}`);

const ratioCell = ({ ratio }) => `${ratio.toFixed(4)} (${percent(ratio - 1)})`;
const spreadCell = ({ min, max }) => `${min.toFixed(4)}–${max.toFixed(4)}`;
const overheadRows = (rows, all) =>
  [...rows, { label: `**all ${measured.length}**`, numbers: all }].map(({ label, numbers }) => [
    label,
    seconds(numbers.wall.baseline.median),
    seconds(numbers.wall.recommended.median),
    ratioCell(numbers.wall.recommended),
    spreadCell(numbers.wall.recommended),
    ratioCell(numbers.cpu.recommended),
    spreadCell(numbers.cpu.recommended),
    ratioCell(numbers.wall.sonarjs),
    ratioCell(numbers.cpu.sonarjs),
  ]);
const overheadHead = [
  'repository',
  'no rules, wall (s)',
  '`recommended`, wall (s)',
  '`recommended`, wall ratio',
  'wall ratio, min–max',
  '`recommended`, CPU ratio',
  'CPU ratio, min–max',
  'sonarjs, wall ratio',
  'sonarjs, CPU ratio',
];
const labelled = (rows) => rows.map(({ index, numbers }) => ({ label: projects[index].repo, numbers, index }));
if (measured.length > 0) {
  console.log(
    `\n## Overhead: medians over the ${ROUNDS} timed rounds (module cache empty at the start of every lint)\n`,
  );
  console.log(table(overheadHead, overheadRows(labelled(perProject), overall)));
  console.log(
    "\n(The ratio is the median of the rounds' ratios, each round's variant time over the same round's no-rules time; " +
      '"all" sums the repositories in each round.)',
  );
  console.log('\nCPU medians (s):\n');
  console.log(
    table(
      [
        'repository',
        ...VARIANTS.map((variant) => variant.label),
        ...VARIANTS.map((variant) => `reports, ${variant.id}`),
      ],
      [...labelled(perProject), { label: `**all ${measured.length}**`, numbers: overall, index: null }].map(
        ({ label, numbers, index }) => [
          label,
          ...VARIANTS.map((variant) => seconds(numbers.cpu[variant.id].median)),
          ...VARIANTS.map((variant) =>
            String(
              index === null
                ? measured.reduce((sum, at) => sum + projects[at].reports[variant.id], 0)
                : projects[index].reports[variant.id],
            ),
          ),
        ],
      ),
    ),
  );
  const overNoop = (variantId, clockName) =>
    median(
      timedRounds.map(
        (round) => sumRound(variantId, round, clockName, measured) / sumRound('noop', round, clockName, measured),
      ),
    );
  console.log(
    `\nOver one no-op rule instead of none (ESLint's own cost of any rule on: ` +
      `wall ${percent(overall.wall.noop.ratio - 1)}, CPU ${percent(overall.cpu.noop.ratio - 1)} over no rules): ` +
      `\`recommended\` wall ${percent(overNoop('recommended', 'wall') - 1)}, CPU ${percent(overNoop('recommended', 'cpu') - 1)}; ` +
      `sonarjs wall ${percent(overNoop('sonarjs', 'wall') - 1)}, CPU ${percent(overNoop('sonarjs', 'cpu') - 1)}.`,
  );
  console.log('\n## The first round, apart (the JIT still warming up; the module cache empty as in every round)\n');
  console.log(table(overheadHead, overheadRows(labelled(firstRound.perProject), firstRound.overall)));
}

console.log('\n## The module graph (`moduleGraphStats()` of the build)\n');
const peak = moduleGraph.moduleGraphStats();
console.log(
  table(
    [
      'repository',
      'modules read per lint',
      'parse failures',
      'modules held after the lint',
      'source MB held',
      'heap held by the cache (MB)',
      'reading modules, ms (cold stats pass)',
      'ESLint parsing the linted files, ms (same pass)',
    ],
    projects.map((project) => [
      project.repo,
      String(project.graph?.loads ?? '–'),
      String(project.graph?.parseFailures ?? '–'),
      String(project.graph?.modules ?? '–'),
      project.graph ? (project.graph.bytes / 1e6).toFixed(2) : '–',
      Number.isFinite(project.heapHeld) ? project.heapHeld.toFixed(1) : '–',
      project.statsPasses.cold ? project.statsPasses.cold.reads.wall.toFixed(0) : '–',
      project.statsPasses.cold ? project.statsPasses.cold.parse.toFixed(0) : '–',
    ]),
  ),
);
console.log(
  `\nPeak of the process: ${peak.peakModules} modules, ${peak.peakBytes} bytes (${(peak.peakBytes / 1e6).toFixed(2)} MB) of source; ` +
    `bound ${MAX_CACHED_MODULES} modules (least recently used go first). ${peak.loads} module reads and ${peak.parseFailures} parse failures in the whole run.`,
);

console.log('\n## Per-rule times (ESLint `stats`: create() and every listener; ms over each repository)\n');
const ruleRows = [];
const statsRow = (passId, id, label) => {
  const perRepo = ruleMs[passId][id] ?? new Array(projects.length).fill(0);
  const total = perRepo.reduce((sum, ms) => sum + ms, 0);
  const worst = slowest[passId][id];
  return [
    label,
    ...perRepo.map((ms) => ms.toFixed(0)),
    total.toFixed(0),
    passId === 'cold' ? (ruleMs.warm[id] ?? []).reduce((sum, ms) => sum + ms, 0).toFixed(0) : '',
    worst ? `${shortName(worst.repo)}: ${worst.file}: ${worst.ms.toFixed(0)} ms` : '',
    passId === 'cold' && slowest.warm[id]
      ? `${shortName(slowest.warm[id].repo)}: ${slowest.warm[id].file}: ${slowest.warm[id].ms.toFixed(0)} ms`
      : '',
  ];
};
for (const id of RECOMMENDED_RULES) ruleRows.push(statsRow('cold', id, id));
for (const id of SONAR_RULES) ruleRows.push(statsRow('sonarjs', id, id));
const sumRow = (label, pick) => [
  label,
  ...projects.map((project) => pick(project).toFixed(0)),
  projects.reduce((sum, project) => sum + pick(project), 0).toFixed(0),
];
const cold = (project) => project.statsPasses.cold;
const warm = (project) => project.statsPasses.warm;
ruleRows.push(
  [
    ...sumRow('**all mcp-cors rules**', (project) =>
      RECOMMENDED_RULES.reduce((sum, id) => sum + (ruleMs.cold[id]?.[projects.indexOf(project)] ?? 0), 0),
    ),
    RECOMMENDED_RULES.reduce((sum, id) => sum + (ruleMs.warm[id] ?? []).reduce((a, b) => a + b, 0), 0).toFixed(0),
    '',
    '',
  ],
  [
    ...sumRow('of which reading modules', (project) => cold(project)?.reads.wall ?? 0),
    projects.reduce((sum, project) => sum + (warm(project)?.reads.wall ?? 0), 0).toFixed(0),
    '',
    '',
  ],
  [
    ...sumRow('no rules: whole lint, wall (median)', (project) =>
      measured.includes(projects.indexOf(project)) ? summarise(projects.indexOf(project)).wall.baseline.median : 0,
    ),
    '',
    '',
    '',
  ],
);
console.log(
  table(
    [
      'rule',
      ...projects.map((project) => shortName(project.repo)),
      'total, cold cache',
      'total, warm cache',
      'slowest file (cold)',
      'slowest file (warm)',
    ],
    ruleRows,
  ),
);
console.log(
  '\n(Cold: the cache emptied before the lint, as in the timed rounds; warm: the same lint again with the cache left full. ' +
    '"Reading modules" is the time inside the module graph\'s `LintSession.load`, which the rule that asks first is charged with.)',
);

console.log('\n## The files where the mcp-cors rules spend most (ms, all rules together)\n');
const SLOW_FILES = 10;
console.log(
  table(
    ['file', 'cold cache', 'warm cache', 'sonarjs rules'],
    [...fileMs.cold.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, SLOW_FILES)
      .map(([file, ms]) => [
        file,
        ms.toFixed(1),
        (fileMs.warm.get(file) ?? 0).toFixed(1),
        (fileMs.sonarjs.get(file) ?? 0).toFixed(1),
      ]),
  ),
);
console.log('\nWith the cache warm:\n');
console.log(
  table(
    ['file', 'warm cache', 'cold cache'],
    [...fileMs.warm.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, SLOW_FILES)
      .map(([file, ms]) => [file, ms.toFixed(1), (fileMs.cold.get(file) ?? 0).toFixed(1)]),
  ),
);

console.log('\n## Where the time goes: the stats passes, one lint each (ms)\n');
const PASS_LABELS = {
  baseline: 'no rules',
  cold: '`recommended`, cold cache',
  warm: '`recommended`, warm cache',
  sonarjs: 'sonarjs',
};
console.log(
  table(
    [
      'repository',
      'pass',
      'whole lint, wall',
      'whole lint, CPU',
      'per-file total (stats)',
      'parse (stats)',
      'rules (stats)',
      'reading modules',
    ],
    projects.flatMap((project) =>
      STATS_PASSES.filter((pass) => project.statsPasses[pass.id]).map((pass) => {
        const numbers = project.statsPasses[pass.id];
        return [
          shortName(project.repo),
          PASS_LABELS[pass.id],
          numbers.wall.toFixed(0),
          numbers.cpu.toFixed(0),
          numbers.total.toFixed(0),
          numbers.parse.toFixed(0),
          numbers.rules.toFixed(0),
          numbers.reads.calls ? `${numbers.reads.wall.toFixed(0)} (${numbers.reads.calls} calls)` : '',
        ];
      }),
    ),
  ),
);
console.log(
  "\n(ESLint's stats time each file's parse, rules and fixes; the whole lint also finds the files, reads them, " +
    'and collects garbage between files. One lint each, so these move with the machine more than the medians above.)',
);

console.log('\n## Exceptions\n');
console.log(`Rule exceptions: ${exceptions.length}.`);
for (const exception of exceptions) {
  console.log(
    `  EXCEPTION in ${exception.ruleId ?? '(no rule id)'} (${exception.variant}) on ${exception.repo}: ${exception.message}\n` +
      exception.stack.replace(/^/gmu, '      '),
  );
}

// --- Bars ----------------------------------------------------------------------------------------

const BAR = 1.05;
const within = (numbers) => numbers.wall.recommended.ratio <= BAR && numbers.cpu.recommended.ratio <= BAR;
const bars = [];
if (measured.length > 0) {
  bars.push(
    {
      name: `\`recommended\` adds at most 5 % over no plugin rules, the ${measured.length} repositories together (median ratio of the rounds, wall and CPU)`,
      pass: within(overall),
      detail: `wall ${percent(overall.wall.recommended.ratio - 1)}, CPU ${percent(overall.cpu.recommended.ratio - 1)}; sonarjs wall ${percent(overall.wall.sonarjs.ratio - 1)}, CPU ${percent(overall.cpu.sonarjs.ratio - 1)}`,
    },
    {
      name: '... and in each repository',
      pass: perProject.every(({ numbers }) => within(numbers)),
      detail: perProject
        .map(
          ({ index, numbers }) =>
            `${shortName(projects[index].repo)} ${percent(numbers.wall.recommended.ratio - 1)} / ${percent(numbers.cpu.recommended.ratio - 1)}`,
        )
        .join(', '),
    },
  );
}
bars.push(
  {
    name: `the module cache stays within its bound of ${MAX_CACHED_MODULES} modules`,
    pass: peak.peakModules <= MAX_CACHED_MODULES,
    detail: `peak ${peak.peakModules} modules, ${(peak.peakBytes / 1e6).toFixed(2)} MB of source`,
  },
  { name: 'no rule exceptions', pass: exceptions.length === 0, detail: String(exceptions.length) },
);
if (missing.length > 0) {
  bars.push({
    name: 'every repository measured',
    pass: false,
    detail: `${missing.length} missing: ${missing.join('; ')}`,
  });
}
console.log('\n## Bars\n');
for (const bar of bars) console.log(`${bar.pass ? 'PASS' : 'FAIL'}  ${bar.name}: ${bar.detail}`);

if (flags.json) {
  const json = {
    header,
    missing,
    rounds: ROUNDS,
    wallSeconds,
    projects: projects.map((project, index) => ({
      repo: project.repo,
      commit: project.commit,
      framework: project.framework,
      files: project.files,
      bytes: project.bytes,
      byExtension: project.byExtension,
      parseErrors: project.parseErrors,
      reports: project.reports,
      graph: project.graph,
      heapHeldMB: project.heapHeld,
      statsPasses: project.statsPasses,
      times: Object.fromEntries(
        VARIANTS.map((variant) => [variant.id, times[variant.id].map((round) => round[index])]),
      ),
    })),
    overall,
    firstRound: firstRound.overall,
    moduleGraph: { ...peak, maxCachedModules: MAX_CACHED_MODULES },
    ruleMs,
    slowest,
    slowestFiles: Object.fromEntries(
      Object.entries(fileMs).map(([passId, map]) => [
        passId,
        [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20),
      ]),
    ),
    exceptions,
    bars,
  };
  fs.writeFileSync(flags.json, `${JSON.stringify(json, null, 2)}\n`);
}

if (exceptions.length > 0 || (flags.strict && bars.some((bar) => !bar.pass))) process.exitCode = 1;
