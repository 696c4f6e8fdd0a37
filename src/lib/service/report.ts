/** The report, in the read function over the read routes' deps; loaded by the first report request (decision 0029). */
import { reportKeyPairs } from "../keypairs/report.js";
import { bind } from "../keypairs/rules.js";
import { readDeps } from "./read.js";

export const keyPairReport = { reportKeyPairs: bind(readDeps, reportKeyPairs) };
