/**
 * Builds the reference project's cdylib with cargo (once per test process) and returns its path.
 */
import { execa } from 'execa';
import { join } from 'node:path';
import { repoRoot, targetDir } from './paths.js';

let built: Promise<string> | undefined;

export function buildReferenceLibrary(): Promise<string> {
  built ??= (async () => {
    await execa('cargo', ['build', '--offline', '--quiet', '-p', 'reference-project'], { cwd: repoRoot });
    return join(targetDir, 'debug', 'libreference.so');
  })();
  return built;
}
