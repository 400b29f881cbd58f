'use strict';

// eslint-doc-generator loads the plugin through package.json's `main`, which is the compiled
// `dist/index.js`: run `npm run build` before `npm run docs` or `npm run docs:check`.

const prettier = require('prettier');

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  // The docs are formatted as the rest of the repository is, so that `prettier --check` and
  // `eslint-doc-generator --check` agree.
  postprocess: async (content, path) =>
    prettier.format(content, { ...(await prettier.resolveConfig(path)), parser: 'markdown' }),
  // Only configs the plugin exports may be listed here (the generator rejects any other).
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
    ['fail-closed', '⛔'],
  ],
  // Columns that no rule fills are left out of the table.
  ruleListColumns: [
    'name',
    'description',
    'configsError',
    'configsWarn',
    'configsOff',
    'fixable',
    'hasSuggestions',
    'requiresTypeChecking',
    'deprecated',
  ],
  ruleDocTitleFormat: 'desc-parens-name',
  // The title already holds the description, so the header leaves out the generator's 📝 notice.
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'requiresTypeChecking'],
  // The generator's own Options check: a rule with options has an `## Options` section that
  // names each of them, and a rule without options has none (its doc says so under `## Fix`).
  ruleDocSectionOptions: true,
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
};

module.exports = config;
