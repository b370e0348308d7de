// Runs the built `membrane` command (the path given first) in this process with the arguments after it, and on
// exit writes its peak resident memory (kB, process.resourceUsage().maxRSS) to file descriptor 3 for the
// bad-input runner. Nothing else differs from `node dist/cli/main.js ...`.
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [main, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], main, ...args];
process.on('exit', () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // No descriptor 3 (run by hand): nothing to report.
  }
});
await import(pathToFileURL(main).href);
