import { apiKeyCommand } from './api-key-command';
import { UsageError } from './cli-options';
import { dlqCommand } from './dlq-command';
import { outboxCommand } from './outbox-command';
import { timersCommand } from './timers-command';
import { tokenCommand } from './token-command';
import { USAGE } from './usage';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

/** Runs one command line; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'token':
        await tokenCommand(args, io);
        return 0;
      case 'api-key':
        await apiKeyCommand(args, io);
        return 0;
      case 'dlq':
        await dlqCommand(args, io);
        return 0;
      case 'outbox':
        await outboxCommand(args, io);
        return 0;
      case 'timers':
        await timersCommand(args, io);
        return 0;
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      case undefined:
        io.err(USAGE);
        return 1;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    io.err(`hotline: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) io.err('Run "npx hotline --help" for usage.');
    return 1;
  }
}
