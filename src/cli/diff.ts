// Placeholder until the diff command lands.
import type { Command } from './args.js';
import type { Io } from './main.js';
export async function runDiff(_cmd: Extract<Command, { command: 'diff' }>, io: Io): Promise<number> {
  io.stderr.write('guideline: diff is not implemented yet\n');
  return 2;
}
