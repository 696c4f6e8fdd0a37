/**
 * Clients generated from the committed openapi.yaml by off-the-shelf generators, with their default
 * options, typecheck a script that creates, lists, gets and deletes a key: openapi-typescript (+
 * openapi-fetch) under tsc --strict, and openapi-python-client under mypy --strict. The scripts are
 * in test/contract/generated-clients/; the clients are generated afresh into .tmp/ each run.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { ROOT } from "../../scripts/local-stack.js";
import { specProblems } from "../support/problem-examples.js";

const FIXTURES = `${ROOT}/test/contract/generated-clients`;
const OUT = `${ROOT}/.tmp/generated-clients`;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

/** Runs a script of clients/python/tests with the client on its path; its stdout. */
const pythonScript = (script: string, ...args: string[]) =>
  run(`${ROOT}/.venv-test/bin/python`, [`tests/${script}`, ...args], `${ROOT}/clients/python`, {
    ...process.env,
    PYTHONPATH: `${ROOT}/clients/python`,
  });

describe("clients generated from openapi.yaml", () => {
  test("TypeScript (openapi-typescript, default options): tsc --strict accepts create, list, get, delete", () => {
    const dir = `${OUT}/ts`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(`${FIXTURES}/keypairs-script.ts`, `${dir}/keypairs-script.ts`);
    run(`${ROOT}/node_modules/.bin/openapi-typescript`, [`${ROOT}/openapi.yaml`, "-o", `${dir}/api.d.ts`], ROOT);
    const args = [
      "--strict",
      "--noUncheckedIndexedAccess",
      "--exactOptionalPropertyTypes",
      "--noEmit",
      "--module",
      "NodeNext",
      "--moduleResolution",
      "NodeNext",
      "--target",
      "ES2024",
      "--skipLibCheck",
      "--types",
      "node",
    ];
    expect(run(`${ROOT}/node_modules/.bin/tsc`, [...args, `${dir}/keypairs-script.ts`], ROOT)).toBe("");
  }, 120_000);

  test("Python (openapi-python-client): generated without warnings, and mypy --strict accepts create, list, get, delete", () => {
    const bin = `${ROOT}/.venv-test/bin`;
    if (!existsSync(`${bin}/openapi-python-client`))
      throw new Error("run `bash scripts/ensure-deps.sh --test` first (installs openapi-python-client and mypy into .venv-test)");
    const dir = `${OUT}/py`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(`${FIXTURES}/keypairs_script.py`, `${dir}/keypairs_script.py`);
    // ruff (the generator's formatter) comes with it, in the same venv.
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    const generated = run(
      `${bin}/openapi-python-client`,
      ["generate", "--path", `${ROOT}/openapi.yaml`, "--output-path", `${dir}/keypairs_client`, "--meta", "none"],
      dir,
      env,
    );
    expect(generated).not.toMatch(/warning/i);
    writeFileSync(
      `${dir}/mypy.ini`,
      [
        "[mypy]",
        "strict = True",
        "cache_dir = .mypy_cache",
        // The generator's own template, whatever the spec: httpx's __exit__ called with *args: object
        // (12 arg-type errors, all in client.py). clients/python replaces that template and needs nothing.
        "[mypy-keypairs_client.client]",
        "disable_error_code = arg-type",
        "",
      ].join("\n"),
    );
    expect(run(`${bin}/mypy`, ["--config-file", "mypy.ini", "keypairs_script.py", "keypairs_client"], dir, env)).toMatch(
      /^Success: no issues found in \d+ source files/,
    );
  }, 180_000);

  test("clients/python/keypairs_client is what `npm run openapi` generates from openapi.yaml (no drift)", () => {
    const dir = `${OUT}/py-drift`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    run("bash", [`${ROOT}/scripts/openapi/python-client.sh`, `${dir}/keypairs_client`], ROOT);
    const files = (root: string) =>
      (readdirSync(root, { recursive: true }) as string[])
        .filter((file) => file.endsWith(".py"))
        .sort()
        .map((file) => [file, readFileSync(`${root}/${file}`, "utf8")]);
    const committed = files(`${ROOT}/clients/python/keypairs_client`);
    expect(committed.length).toBeGreaterThan(30);
    expect(committed).toEqual(files(`${dir}/keypairs_client`));
  }, 180_000);

  test("clients/python (generated + hand-written + its session script) passes mypy --strict with nothing disabled", () => {
    const bin = `${ROOT}/.venv-test/bin`;
    const out = run(
      `${bin}/mypy`,
      [
        "--strict",
        "--no-incremental",
        "keypairs_client",
        "ec2_keypairs",
        "tests/session.py",
        "tests/gateway_answers.py",
        "tests/problem_members.py",
        "tests/all_pages.py",
        "tests/plain_types.py",
      ],
      `${ROOT}/clients/python`,
    );
    expect(out).toMatch(/^Success: no issues found in \d+ source files/);
  }, 180_000);

  test("clients/python: every operation parses the gateway's own {message} (403, 413, 429, 500, 503) and open problem types", () => {
    expect(pythonScript("gateway_answers.py")).toMatch(/^\d+ answers parsed$/m);
  }, 60_000);

  test("clients/python: list_all_key_pairs yields every key across pages, the filters on each, lazily", () => {
    expect(pythonScript("all_pages.py")).toBe("5 keys in 3 pages: every key listed\n");
  }, 60_000);

  test("clients/python: tags() builds Tags from a dict, plain() makes an absent member None", () => {
    expect(pythonScript("plain_types.py")).toBe("tags from a dict, absent members as None\n");
  }, 60_000);

  test("clients/python: KeyPairsError exposes every member of each problem kind the spec shows (usage included)", () => {
    const problems = specProblems();
    expect(problems.examples.some((example) => example.usage)).toBe(true);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/problems.json`, JSON.stringify(problems));
    const out = pythonScript("problem_members.py", `${OUT}/problems.json`);
    const kinds = new Set(problems.examples.map((example) => String(example.type).split("/").pop()));
    expect(out).toContain(`${kinds.size} problem kinds: every member exposed`);
  }, 60_000);
});
