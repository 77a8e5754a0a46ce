import { type CliIo, runCli } from '../../src/cli';

export interface HotlineRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as `npx hotline …` would, with `env` as its whole environment, capturing its output. */
export async function runHotline(argv: string[], env: CliIo['env']): Promise<HotlineRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exitCode = await runCli(argv, { out: (text) => stdout.push(text), err: (text) => stderr.push(text), env });
  return { exitCode, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
