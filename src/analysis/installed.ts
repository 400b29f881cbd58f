import fs from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { nearestManifest } from './module-graph';
import { moduleOf } from './program';

/** Versions found, by the directory looked from and the package: `null` when it is not installed. */
const versions = new Map<string, string | null>();

/**
 * The version of a package as installed for a file: read from the nearest
 * `node_modules/<name>/package.json` above it, as Node resolves it; where nothing is installed (a
 * checkout before `npm ci`), the version the nearest lockfile pins, which is what an install puts
 * there. `null` when neither is found (or a file that is not on disk).
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
  version ??= lockedVersion(start, name);
  versions.set(key, version);
  return version;
}

/** The lockfiles of npm, pnpm, Yarn and Bun, in the order they are looked for in a folder. */
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'];
/** The text of each lockfile looked for, by path: `null` when there is none, or it is too large to be worth reading. */
const lockfiles = new Map<string, string | null>();
/** Lockfiles past this size (a large monorepo's) are not read. */
const MAX_LOCKFILE_BYTES = 20_000_000;

/**
 * The version the nearest lockfile at or above `start` pins for a package: for the folder's own
 * package where npm nests it (`packages/api/node_modules/x`), else the hoisted one. Read from the
 * text, by each format's shape: npm's `"node_modules/x": { "version": … }` (and lockfile v1's
 * `"x": { "version": … }`), pnpm's importer `x: { specifier, version }` (or `/x@1.2.3:` keys), Yarn's
 * `x@range:` block with its `version`, Bun's `"x": ["x@1.2.3", …]`.
 */
function lockedVersion(start: string, name: string): string | null {
  const manifest = nearestManifest(start);
  const own = manifest?.dir ?? start;
  const declared = declaredRange(manifest?.json, name);
  for (let dir = start; ; dir = path.dirname(dir)) {
    for (const lockfile of LOCKFILES) {
      const text = lockfileText(path.join(dir, lockfile));
      if (text === null) continue;
      const relative = path.relative(dir, own).split(path.sep).join('/');
      return versionInLockfile(lockfile, text, name, relative, declared);
    }
    if (path.basename(dir) === 'node_modules' || path.dirname(dir) === dir) return null;
  }
}

/** The range a package.json declares for a dependency (`^0.2.11`), in any of its dependency lists. */
function declaredRange(json: Record<string, unknown> | undefined, name: string): string | null {
  for (const key of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    const list = json?.[key];
    const range = list && typeof list === 'object' ? (list as Record<string, unknown>)[name] : undefined;
    if (typeof range === 'string') return range;
  }
  return null;
}

function lockfileText(file: string): string | null {
  let text = lockfiles.get(file);
  if (text !== undefined) return text;
  try {
    text = fs.statSync(file).size > MAX_LOCKFILE_BYTES ? '' : fs.readFileSync(file, 'utf8').replace(/\r\n/gu, '\n');
  } catch {
    text = null;
  }
  lockfiles.set(file, text);
  return text;
}

/** The version every match of `pattern` captures, when they all agree. */
function onlyVersion(text: string, pattern: RegExp): string | null {
  const versions = new Set([...text.matchAll(pattern)].map((match) => match[1]!));
  return versions.size === 1 ? [...versions][0]! : null;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
const VERSION = String.raw`(\d+\.\d+\.\d+[^\s"'(),:]*)`;

function versionInLockfile(
  lockfile: string,
  text: string,
  name: string,
  relative: string,
  declared: string | null,
): string | null {
  const id = escape(name);
  const first = (source: string, patterns: readonly RegExp[]): string | null => {
    for (const pattern of patterns) {
      const match = pattern.exec(source);
      if (match) return match[1]!;
    }
    return null;
  };
  if (lockfile.endsWith('.json')) {
    const nested = relative ? `${escape(relative)}/` : '';
    return first(text, [
      new RegExp(String.raw`"${nested}node_modules/${id}"\s*:\s*\{\s*"version"\s*:\s*"${VERSION}"`, 'u'),
      ...(nested ? [new RegExp(String.raw`"node_modules/${id}"\s*:\s*\{\s*"version"\s*:\s*"${VERSION}"`, 'u')] : []),
      new RegExp(String.raw`\n {4}"${id}"\s*:\s*\{\s*"version"\s*:\s*"${VERSION}"`, 'u'),
    ]);
  }
  if (lockfile === 'pnpm-lock.yaml') {
    const importer = String.raw`\n\s+'?${id}'?:\s*\n\s+specifier:[^\n]*\n\s+version:\s*${VERSION}`;
    const importers = text.indexOf('\nimporters:');
    if (importers !== -1) {
      // The linted package's own importer (`.` or `packages/api`), in a workspace's lockfile.
      const key = new RegExp(String.raw`\n  '?${escape(relative || '.')}'?:\n`, 'u').exec(text.slice(importers));
      if (!key) return null;
      const from = importers + key.index + key[0].length;
      const next = /\n {0,2}\S/u.exec(text.slice(from));
      const own = first(text.slice(from, next ? from + next.index : undefined), [new RegExp(importer, 'u')]);
      // A package the project does not list itself (one its dependencies bring): the one version
      // the lockfile has of it, if it has one.
      return own ?? onlyVersion(text, new RegExp(String.raw`\n {2}'?/?${id}@${VERSION}`, 'gu'));
    }
    // Lockfile 5: the project's own `dependencies:` first, then the packages' keys.
    return first(text, [
      new RegExp(importer, 'u'),
      new RegExp(
        String.raw`\n(?:dependencies|devDependencies|optionalDependencies):\n(?: {2}[^\n]*\n)*? {2}'?${id}'?:\s+${VERSION}`,
        'u',
      ),
      new RegExp(String.raw`\n\s+'?/?${id}[@/]${VERSION}`, 'u'),
    ]);
  }
  if (lockfile === 'yarn.lock') {
    const entry = (range: string): RegExp =>
      new RegExp(String.raw`\n[^\n]*?(?:^|[\s",])${id}@(?:npm:)?${range}[",:][^\n]*\n\s+version:?\s+"?${VERSION}`, 'u');
    // The entry of the range the package declares; else the first.
    return first(text, [
      ...(declared ? [entry(escape(declared))] : []),
      new RegExp(String.raw`\n"?${id}@[^\n]*:\n\s+version:?\s+"?${VERSION}`, 'u'),
    ]);
  }
  return first(text, [new RegExp(String.raw`"${id}"\s*:\s*\[\s*"${id}@${VERSION}"`, 'u')]);
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
 * Whether the package installed (or locked) for the module a node is in is older than `version`;
 * `false` when unknown.
 */
export function installedBefore(
  node: TSESTree.Node,
  { module, version }: { module: string; version: string },
): boolean {
  const installed = installedVersionFor(node, module);
  return installed !== null && !isAtLeast(installed, version);
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

/** What the installed copy of a package declares: its name and the packages it depends on. */
export interface InstalledManifest {
  readonly dependencies: readonly string[];
}

const manifests = new Map<string, InstalledManifest | null>();

/**
 * The manifest of a package as installed for the module `node` is in, when it is installed as a
 * package of its own (`node_modules/name/package.json`, not a link to a package of the workspace,
 * whose code the project may change); `null` otherwise.
 */
export function installedManifestFor(node: TSESTree.Node, name: string): InstalledManifest | null {
  const file = moduleOf(node).file;
  const start = path.dirname(file ? path.resolve(file) : path.join(process.cwd(), 'file.ts'));
  const key = `${start}\0${name}`;
  if (manifests.has(key)) return manifests.get(key)!;
  let found: InstalledManifest | null = null;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const folder = path.join(dir, 'node_modules', name);
    try {
      if (fs.lstatSync(folder).isSymbolicLink()) break;
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      const dependencies = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) => {
        const listed = manifest[field];
        return listed && typeof listed === 'object' ? Object.keys(listed) : [];
      });
      found = { dependencies };
      break;
    } catch {
      // Not here: look in the directory above.
    }
    if (path.dirname(dir) === dir) break;
  }
  manifests.set(key, found);
  return found;
}
