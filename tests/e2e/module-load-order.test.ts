// Every module of the build loads when it is the first one loaded. The analysis modules import
// each other in cycles; a module whose top level calls into another one of the cycle (or reads
// its state) works only in the order `index.js` happens to load them, and throws in any other
// (`Cannot access '…' before initialization`): for a test file that imports one rule, for a
// bundler that splits the plugin, for a user who requires a rule module directly. Each module is
// required here in a process of its own, with the cache of the build's modules emptied first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/e2e';

const dist = path.join(root, 'dist');

/** Requires each module of `dist` first in a fresh require cache; prints one line per failure. */
const LOAD_EACH = `
const fs = require('node:fs');
const path = require('node:path');
const dist = process.argv[1];
const modules = fs.readdirSync(dist, { recursive: true }).filter((file) => file.endsWith('.js'));
for (const file of modules) {
  for (const key of Object.keys(require.cache)) if (key.startsWith(dist)) delete require.cache[key];
  try {
    require(path.join(dist, file));
  } catch (error) {
    console.log(file + ': ' + error.message);
  }
}
console.log('loaded ' + modules.length);
`;

describe('the build', () => {
  it('loads from any of its modules first', () => {
    const modules = fs.readdirSync(dist, { recursive: true }).filter((file) => String(file).endsWith('.js'));
    const run = spawnSync(process.execPath, ['-e', LOAD_EACH, dist], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual([`loaded ${modules.length}`]);
  });
});
