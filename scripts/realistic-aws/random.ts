/** Seeded randomness: the same seed gives the same draws, so a realistic run can be replayed. */
import type { LatencyDistribution } from "./config.ts";

export type Random = () => number;

/** mulberry32: a small, fast 32-bit generator; `stream` separates independent sequences of one seed. */
export function seededRandom(seed: number, stream = 0): Random {
  let state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(stream + 1, 0xc2b2ae35)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number of milliseconds, uniformly in [min, max]. */
export const uniformMs = (random: Random, min: number, max: number): number => Math.round(min + random() * (max - min));

/** One latency drawn from `distribution`, in whole milliseconds. */
export function drawLatency(random: Random, distribution: LatencyDistribution): number {
  switch (distribution.kind) {
    case "fixed":
      return distribution.ms;
    case "uniform":
      return uniformMs(random, distribution.minMs, distribution.maxMs);
    case "lognormal": {
      // Box-Muller; 1 - random() keeps the logarithm's argument above 0.
      const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.min(distribution.maxMs, Math.round(distribution.medianMs * Math.exp(distribution.sigma * normal)));
    }
  }
}
