/**
 * scripts/ensure-deps.sh checks its prerequisites before installing anything: a python3 that cannot
 * make a venv stops it before npm install, with what to install. Run on a copy of the script with
 * stand-ins for python3 and npm, so nothing real is installed or removed.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../../scripts/local-stack.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ensure-deps-"));
  mkdirSync(join(dir, "scripts"));
  mkdirSync(join(dir, "bin"));
  copyFileSync(join(ROOT, "scripts/ensure-deps.sh"), join(dir, "scripts/ensure-deps.sh"));
  for (const file of ["requirements-uv.txt", "requirements-start.txt", "requirements-test.txt", "package.json", "package-lock.json"])
    writeFileSync(join(dir, file), `${file}\n`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** python3 3.12 whose `import venv, ensurepip` fails (Debian without python3-venv) unless told otherwise; npm leaves a mark. */
function standIns(venvModule: boolean) {
  const python = join(dir, "bin/python3");
  writeFileSync(
    python,
    `#!/bin/sh\ncase "$*" in\n  *"import venv"*) exit ${venvModule ? 0 : 1} ;;\n  *-V*) echo "Python 3.12.3" ;;\nesac\nexit 0\n`,
  );
  const npm = join(dir, "bin/npm");
  writeFileSync(npm, `#!/bin/sh\ntouch "${join(dir, "npm-ran")}"\nexit 1\n`);
  for (const file of [python, npm]) chmodSync(file, 0o755);
}

const run = (...args: string[]) =>
  spawnSync("bash", [join(dir, "scripts/ensure-deps.sh"), ...args], {
    env: { PATH: `${join(dir, "bin")}:/usr/bin:/bin`, HOME: dir },
    encoding: "utf8",
    timeout: 20_000,
  });

test("no venv module: exit 1 before npm install, saying what to install", () => {
  standIns(false);
  const result = run();
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("cannot create virtual environments: its venv/ensurepip module is missing");
  expect(result.stderr).toContain("apt-get install python3-venv");
  expect(existsSync(join(dir, "npm-ran"))).toBe(false);
  expect(result.stdout).not.toContain("==> installing npm packages");
});

test("with the venv module the check passes (the stand-in npm then runs)", () => {
  standIns(true);
  const result = run();
  expect(result.stderr).not.toContain("venv/ensurepip module is missing");
  expect(existsSync(join(dir, "npm-ran"))).toBe(true);
});
