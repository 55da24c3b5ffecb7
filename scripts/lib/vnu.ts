import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../../src/schemas/problems.ts';

/** One error the W3C Nu HTML Checker found. */
export interface HtmlError {
  /** The checked file, relative to the working folder. */
  file: string;
  line?: number;
  column?: number;
  message: string;
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message?: string;
}

export const JAVA_MISSING = 'error: java: (command): expected Java 17 or later on PATH (Debian: apt-get install default-jre-headless), found none';

/** Where npm put the checker's jar. */
export function vnuJarPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('vnu-jar')), 'build', 'dist', 'vnu.jar');
}

/**
 * Runs the Nu HTML Checker over files or folders (folders are walked, non-HTML
 * files skipped) and returns its errors. Warnings and info messages are left out.
 */
export function checkHtml(targets: readonly string[], cwd: string = process.cwd()): Promise<HtmlError[]> {
  const args = ['-jar', vnuJarPath(), '--errors-only', '--skip-non-html', '--format', 'json', '--stdout', '--exit-zero-always', ...targets];
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.JAVA ?? 'java', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new Error(JAVA_MISSING) : error));
    child.on('close', (code) => {
      let report: { messages?: VnuMessage[] };
      try {
        report = JSON.parse(stdout) as { messages?: VnuMessage[] };
      } catch {
        reject(new Error(`The HTML checker failed (exit ${code}): ${(stderr || stdout).trim().slice(0, 2000)}`));
        return;
      }
      const errors = (report.messages ?? [])
        .filter((message) => message.type === 'error' || message.subType === 'fatal' || message.type === 'non-document-error')
        .map((message) => ({
          file: message.url?.startsWith('file:') ? relative(cwd, fileURLToPath(message.url)) : (message.url ?? '(unknown file)'),
          line: message.lastLine,
          column: message.firstColumn ?? message.lastColumn,
          message: (message.message ?? 'unknown error').replace(/\s+/g, ' ').trim(),
        }));
      resolve(errors);
    });
  });
}

/** One line per error, in the project's error style. */
export function formatHtmlError(error: HtmlError): string {
  const where = error.line === undefined ? '(document)' : `line ${error.line}${error.column === undefined ? '' : `, column ${error.column}`}`;
  return formatProblem({ level: 'error', file: error.file, field: where, expected: 'valid HTML', found: error.message });
}
