import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '../..');
export const tscBin = path.join(root, 'node_modules/typescript/bin/tsc');

/**
 * Type-checks files with the repo's compiler options and the real packages' types, one `tsc`
 * program per set of options; returns the compiler's output, `''` when it is clean. Fixes may
 * leave a binding unused (an import the fixed code no longer needs), which is no type error. A
 * folder with a `tsconfig.json` of its own (the NestJS example, which needs legacy decorators)
 * adds its compiler options for its files.
 */
export function typeCheck(files: readonly string[], workDir: string): string {
  return runTsc(files, workDir, {
    name: 'check',
    compilerOptions: { noUnusedLocals: false },
    args: ['--noEmit', '--pretty', 'false'],
  });
}

/**
 * Runs `tsc` over files with the repo's compiler options and `compilerOptions` on top, one program
 * per set of options: a folder with a `tsconfig.json` of its own adds its compiler options for its
 * files. Each program's config is written to `workDir` as `tsconfig.<name><index>.json`. Returns
 * the compiler's output, `''` when it is clean.
 */
export function runTsc(
  files: readonly string[],
  workDir: string,
  run: { readonly name: string; readonly compilerOptions: Record<string, unknown>; readonly args: readonly string[] },
): string {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const own = path.join(path.dirname(file), 'tsconfig.json');
    const key = fs.existsSync(own) ? own : '';
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  let output = '';
  for (const [index, [own, group]] of [...groups].entries()) {
    const options = own ? ownCompilerOptions(own) : {};
    const tsconfig = path.join(workDir, `tsconfig.${run.name}${index}.json`);
    fs.writeFileSync(
      tsconfig,
      JSON.stringify(
        {
          extends: path.join(root, 'tsconfig.json'),
          compilerOptions: { ...options, ...run.compilerOptions },
          include: [],
          files: group,
        },
        null,
        2,
      ),
    );
    try {
      execFileSync(process.execPath, [tscBin, '-p', tsconfig, ...run.args], { encoding: 'utf8' });
    } catch (error) {
      output += String((error as { stdout?: string }).stdout ?? error);
    }
  }
  return output;
}

/** The `compilerOptions` a folder's `tsconfig.json` sets itself (its comments left out). */
export function ownCompilerOptions(file: string): Record<string, unknown> {
  const text = fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gmu, '');
  return (JSON.parse(text) as { compilerOptions?: Record<string, unknown> }).compilerOptions ?? {};
}
