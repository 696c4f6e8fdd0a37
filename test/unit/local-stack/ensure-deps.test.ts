/**
 * scripts/ensure-deps.sh checks its prerequisites before installing anything: a python3 that cannot
 * make a venv stops it before npm install, with what to install. Run on a copy of the script with
 * stand-ins for python3 and npm, so nothing real is installed or removed.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

test("--test-venv (npm run openapi) makes .venv-test and never installs puttygen", () => {
  standIns(true);
  const stamp = (...files: string[]) =>
    spawnSync("bash", ["-c", `sha256sum ${files.join(" ")} | sha256sum | cut -c1-16`], { cwd: dir, encoding: "utf8" }).stdout;
  // npm packages and .venv are installed already; .venv-test is not.
  mkdirSync(join(dir, "node_modules"));
  writeFileSync(join(dir, "node_modules/.deps-stamp"), stamp("package.json", "package-lock.json"));
  mkdirSync(join(dir, ".venv/bin"), { recursive: true });
  writeFileSync(join(dir, ".venv/.deps-stamp"), stamp("requirements-uv.txt", "requirements-start.txt"));
  writeFileSync(join(dir, ".venv/bin/uv"), `#!/bin/sh\nmkdir -p .venv-test\necho "$*" >> "${join(dir, "uv-ran")}"\n`);
  chmodSync(join(dir, ".venv/bin/uv"), 0o755);
  for (const tool of ["apt-get", "puttygen"]) {
    writeFileSync(join(dir, "bin", tool), `#!/bin/sh\ntouch "${join(dir, `${tool}-ran`)}"\n`);
    chmodSync(join(dir, "bin", tool), 0o755);
  }
  rmSync(join(dir, "bin/puttygen")); // missing: --test would install it

  const result = run("--test-venv");
  expect([result.status, result.stderr]).toEqual([0, ""]);
  expect(result.stdout).toContain("==> creating the Python venv .venv-test");
  expect(result.stdout).not.toContain("puttygen");
  expect(existsSync(join(dir, "apt-get-ran"))).toBe(false);
  expect(readFileSync(join(dir, "uv-ran"), "utf8")).toContain("requirements-test.txt");
});
