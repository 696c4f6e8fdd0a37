/** The time, as the rules use it (keypairs/ports.ts Clock): tests pass one they drive. */
import { setTimeout as delay } from "node:timers/promises";

export const systemClock = {
  now: (): number => Date.now(),
  sleep: async (ms: number): Promise<void> => void (await delay(ms)),
};
