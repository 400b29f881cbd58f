import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * A maker of packages on disk, removed after the test file: each holds `files` (paths relative to
 * the package's folder, folders made as needed) and a package.json (`manifest`, or a private
 * package); it answers the package's folder.
 */
export function packageMaker(): (files: Record<string, string>, manifest?: object) => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  return (files, manifest = { name: 'app', private: true }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cors-package-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };
}
