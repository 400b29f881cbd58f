import fs from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { nearestManifest } from './module-graph';
import { moduleOf } from './program';

/** Versions found, by the directory looked from and the package: `null` when it is not installed. */
const versions = new Map<string, string | null>();

/**
 * The version of a package as installed for a file: read from the nearest
 * `node_modules/<name>/package.json` above it, as Node resolves it. `null` when none is found
 * (not installed, or a file that is not on disk).
 */
function installedVersion(filename: string, name: string): string | null {
  const start = path.dirname(filename);
  const key = `${start}\0${name}`;
  if (versions.has(key)) return versions.get(key)!;
  let version: string | null = null;
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as {
        version?: unknown;
      };
      version = typeof manifest.version === 'string' ? manifest.version : null;
      break;
    } catch {
      // Not here: look in the directory above.
    }
    if (path.dirname(dir) === dir) break;
  }
  versions.set(key, version);
  return version;
}

/** Whether a version (`4.20.16`, `4.3.0-beta.1`) is at least `minimum` (`4.3.0`), by major, minor and patch. */
export function isAtLeast(version: string, minimum: string): boolean {
  const parse = (text: string): number[] =>
    text
      .split(/[.+-]/u)
      .slice(0, 3)
      .map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parse(version), parse(minimum)];
  for (let index = 0; index < 3; index++) {
    if (a[index]! !== b[index]!) return a[index]! > b[index]!;
  }
  return true;
}

/**
 * The version of a package as installed for the module a node is in; code that is not in a file
 * (an editor buffer) resolves from the working directory, as ESLint does.
 */
export function installedVersionFor(node: TSESTree.Node, name: string): string | null {
  const file = moduleOf(node).file;
  return installedVersion(file ? path.resolve(file) : path.join(process.cwd(), 'file.ts'), name);
}

/**
 * The oldest version of a package that the linted file's own package declares it runs with, when it
 * declares it as a peer dependency (a plugin runs on whatever its user installs): the lowest version
 * its range names (`>=6.0.0`, `^6.1.0 || ^7.0.0`), `0.0.0` for a range that names none (`*`).
 * `null` when it declares no such peer.
 */
export function oldestPeerVersion(node: TSESTree.Node, name: string): string | null {
  const { file } = moduleOf(node);
  if (!file) return null;
  const manifest = nearestManifest(path.dirname(path.resolve(file)));
  const peers = manifest?.json.peerDependencies;
  const range = peers && typeof peers === 'object' ? (peers as Record<string, unknown>)[name] : undefined;
  if (typeof range !== 'string') return null;
  const named = [...range.matchAll(/\d+(?:\.\d+){0,2}/gu)].map((match) => match[0]);
  if (named.length === 0) return '0.0.0';
  return named.reduce((oldest, version) => (isAtLeast(version, oldest) ? oldest : version));
}
