/**
 * A progress bar on stderr for runs longer than about a second. It appears only after a second has passed and only
 * when stderr is a terminal (logs and pipes stay clean); it is erased when the run ends.
 */
export function createProgressBar(label: string): { update(fraction: number): void; finish(): void } {
  const started = Date.now();
  const stream = process.stderr;
  let shown = false;
  let lastDrawn = -1;
  return {
    update(fraction: number) {
      if (!stream.isTTY || Date.now() - started < 1000) return;
      const percent = Math.floor(fraction * 100);
      if (percent === lastDrawn) return;
      lastDrawn = percent;
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${percent}%`);
      shown = true;
    },
    finish() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
