import { Logger } from '@nestjs/common';

export interface Relay {
  stop(): Promise<void>;
}

/**
 * Runs `pass` at once and then every `intervalMs`, one pass at a time, logging failures (Redis or
 * PostgreSQL away) and trying again at the next tick. The worker's relays use it to queue what
 * PostgreSQL says is `queued` but Redis has no live job for.
 */
export function startRelay(name: string, intervalMs: number, pass: () => Promise<number>): Relay {
  const logger = new Logger(name);
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = pass()
      .then((count) => {
        if (count > 0) logger.log(`queued ${count} job(s) left without one`);
      })
      .catch((error: Error) => logger.warn(`relay pass failed (next one in ${intervalMs} ms): ${error.message}`))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
