import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '../..');
export const tscBin = path.join(root, 'node_modules/typescript/bin/tsc');

/**
 * Type-checks files with the repo's compiler options and the real packages' types, in one `tsc`
 * program; returns the compiler's output, `''` when it is clean. Fixes may leave a binding unused
 * (an import the fixed code no longer needs), which is no type error.
 */
export function typeCheck(files: readonly string[], workDir: string): string {
  const tsconfig = path.join(workDir, 'tsconfig.check.json');
  fs.writeFileSync(
    tsconfig,
    JSON.stringify(
      { extends: path.join(root, 'tsconfig.json'), compilerOptions: { noUnusedLocals: false }, include: [], files },
      null,
      2,
    ),
  );
  try {
    execFileSync(process.execPath, [tscBin, '-p', tsconfig, '--noEmit', '--pretty', 'false'], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}
