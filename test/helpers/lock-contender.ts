/**
 * A process that tries to take a data folder's lock once: prints "ready", waits for a line on
 * stdin (so all contenders start together), prints "won" or "held", then keeps (or not) the
 * lock until its stdin closes, so the test decides when contenders let go.
 */
import { acquireDataFolderLock, DataFolderHeldError } from '../../api/src/db/data-folder-lock';

const folder = process.argv[2]!;
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  try {
    acquireDataFolderLock(folder, { kind: 'cli', command: `contender ${process.pid}` });
    process.stdout.write('won\n');
  } catch (error) {
    if (!(error instanceof DataFolderHeldError)) throw error;
    process.stdout.write('held\n');
  }
});
process.stdin.on('end', () => process.exit(0));
