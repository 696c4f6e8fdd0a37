/**
 * `npx tsx bench/artifacts-cli.ts [source tree]`: only the artifact table of `npm run bench`, in exact
 * bytes: the tree (this one by default; another needs its node_modules) packaged as deployed, and per
 * function what INIT loads, the handler module, the zip's files uncompressed and the zip.
 */
import { resolve } from "node:path";
import { ROOT } from "../scripts/local-stack.js";
import { packageService } from "./artifacts.js";
import { formatTable } from "./table.js";

const functions = packageService(resolve(process.argv[2] ?? ROOT), `${ROOT}/.tmp/bench/artifacts`);
console.log(
  formatTable([
    ["function", "INIT (bytes)", "handler module", "unzipped", "zip"],
    ...functions.map((fn) => [fn.name, ...[fn.initBytes, fn.bytes, fn.unzippedBytes, fn.zipBytes].map(String)]),
  ]),
);
