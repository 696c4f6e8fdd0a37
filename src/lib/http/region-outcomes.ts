import type { RegionOutcome } from "../keypairs/list-all-regions.js";
import { toProblem } from "./problems.js";

/** Per-region outcomes as answered (an all-regions listing, a report): a region that failed carries the problem a one-region call would have answered. */
export const regionsView = (regions: Record<string, RegionOutcome>) =>
  Object.fromEntries(
    Object.entries(regions).map(([region, outcome]) => [
      region,
      outcome.status === "error" ? { status: "error", problem: toProblem(outcome.error, `/keypairs?region=${region}`) } : outcome,
    ]),
  );
