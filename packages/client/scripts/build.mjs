// `npm run build` (and prepack): dist/ afresh from src/ with tsc (JavaScript + .d.ts); the
// generated src/api.d.ts is copied as it is (tsc does not emit declaration inputs).
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const here = new URL("..", import.meta.url).pathname;
rmSync(`${here}dist`, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", `${here}tsconfig.build.json`], { stdio: "inherit" });
copyFileSync(`${here}src/api.d.ts`, `${here}dist/api.d.ts`);
chmodSync(`${here}dist/bin.js`, 0o755);
