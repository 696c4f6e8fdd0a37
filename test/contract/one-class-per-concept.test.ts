/**
 * The committed clients (kept equal to what the generators make by the drift tests) hold one class or
 * type per concept. A generator makes one class per use of a schema the spec inlines: the usage
 * object inlined five times made five sets of near-identical Python classes, named by each parent
 * (`created_key_pair_usage_instances_item`, `key_pair_usage_instances_item`, ...), and repeated
 * a 190-line block in api.d.ts. The fix is a component in the spec (scripts/openapi/document.ts).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { ROOT } from "../../scripts/local-stack.js";

const MODELS = `${ROOT}/clients/python/keypairs_client/models`;
const snake = (name: string) => name.replace(/(?<=[a-z0-9])(?=[A-Z])/g, "_").toLowerCase();
const camel = (name: string) => name.replace(/(?:^|_)([a-z0-9])/g, (_, first: string) => first.toUpperCase());

/**
 * Python model files that are one concept twice: a class the generator named after its parent
 * (`<parent>_<leaf>`, parent another model) whose code, with the parent's name taken out, is the code
 * of another class with the same leaf name. The spec's own components are concepts by name.
 */
function duplicatePythonModels(dir: string, components: Set<string>): string[][] {
  const models = readdirSync(dir)
    .filter((file) => file.endsWith(".py") && file !== "__init__.py")
    .map((file) => file.slice(0, -3));
  const groups = new Map<string, string[]>();
  for (const model of models) {
    const parent = components.has(model)
      ? undefined
      : models.filter((other) => model.startsWith(`${other}_`)).sort((a, b) => b.length - a.length)[0];
    const leaf = parent ? model.slice(parent.length + 1) : model;
    let code = readFileSync(`${dir}/${model}.py`, "utf8");
    if (parent) code = code.replaceAll(camel(parent), "").replaceAll(`${parent}_`, "");
    const key = `${leaf}\n${code}`;
    groups.set(key, [...(groups.get(key) ?? []), model]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/** Each `{ ... }` of `text` with at least two members, its whitespace collapsed. */
function objectTypes(text: string): string[] {
  const blocks: string[] = [];
  const open: number[] = [];
  for (let at = 0; at < text.length; at++) {
    if (text[at] === "{") open.push(at);
    else if (text[at] === "}") {
      const start = open.pop()!;
      const block = text.slice(start, at + 1).replace(/\s+/g, " ");
      // Members at the block's own depth: its semicolons outside nested braces.
      const members = block
        .slice(1, -1)
        .replace(/\{[^{}]*\}/g, "")
        .split(";")
        .filter((part) => part.trim()).length;
      if (members >= 2) blocks.push(block);
    }
  }
  return blocks;
}

/**
 * Object types api.d.ts spells out more than once in its schemas, or spells out elsewhere (responses,
 * operations) though a schema names them. Responses are not compared with each other: two statuses
 * may well answer the same type.
 */
function duplicateTypes(declarations: string): string[] {
  const code = declarations.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const start = code.indexOf("export interface components {\n    schemas: {");
  const end = code.search(/\n {4}(?:responses|parameters|requestBodies|headers|pathItems): \{|\nexport type \$defs/);
  if (start < 0 || end < start) throw new Error("api.d.ts: no components.schemas where openapi-typescript writes it");
  const schemas = objectTypes(code.slice(start + "export interface components {\n    schemas: ".length, end));
  const repeated = schemas.filter((block, index) => schemas.indexOf(block) !== index);
  const elsewhere = objectTypes(code.slice(0, start) + code.slice(end)).filter((block) => schemas.includes(block));
  return [...new Set([...repeated, ...elsewhere])];
}

const spec = parse(readFileSync(`${ROOT}/openapi.yaml`, "utf8"));
const COMPONENTS = new Set(Object.keys(spec.components.schemas).map(snake));

describe("one class per concept in the generated clients", () => {
  test("Python (clients/python/keypairs_client/models): no two classes differ only by the parent they are named after", () => {
    expect(readdirSync(MODELS).length).toBeGreaterThan(10);
    expect(duplicatePythonModels(MODELS, COMPONENTS)).toEqual([]);
  });

  test("TypeScript (packages/client/src/api.d.ts): no schema's object type written twice", () => {
    expect(duplicateTypes(readFileSync(`${ROOT}/packages/client/src/api.d.ts`, "utf8"))).toEqual([]);
  });

  test("the spec's components: no two schemas alike but for their description and example", () => {
    const bare = Object.entries<Record<string, unknown>>(spec.components.schemas).map(([name, schema]) => {
      const { description: _, example: __, ...rest } = schema;
      return [name, JSON.stringify(rest)] as const;
    });
    const alike = bare.filter(([, schema], index) => bare.findIndex(([, other]) => other === schema) !== index);
    expect(alike).toEqual([]);
  });

  test("the checks find the duplicates a spec that inlines a schema makes", () => {
    // Two parents, each with the same usage item class named after it (as before the KeyUsage component).
    const dir = `${ROOT}/.tmp/one-class-per-concept`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const item = readFileSync(`${MODELS}/key_usage_instances_item.py`, "utf8");
    for (const parent of ["key_pair", "problem"]) {
      writeFileSync(`${dir}/${parent}.py`, `class ${camel(parent)}: ...\n`);
      writeFileSync(
        `${dir}/${parent}_usage_instances_item.py`,
        item.replaceAll("KeyUsage", `${camel(parent)}Usage`).replaceAll("key_usage", `${parent}_usage`),
      );
    }
    expect(duplicatePythonModels(dir, new Set(["key_pair", "problem"]))).toEqual([
      ["key_pair_usage_instances_item", "problem_usage_instances_item"],
    ]);
    // The same object type in two schemas; a schema's type spelled out again in an operation.
    const type = "{ a: string; b: number; }";
    const declarations = (schemas: string, operations: string) =>
      `export interface components {\n    schemas: ${schemas};\n    responses: {};\n}\nexport type $defs = 1;\nexport interface operations ${operations}`;
    expect(duplicateTypes(declarations(`{ A: { x: ${type}; }; B: { y: ${type}; }; }`, "{}"))).toEqual([type]);
    expect(duplicateTypes(declarations(`{ A: ${type}; }`, `{ get: { content: ${type}; }; }`))).toEqual([type]);
    expect(duplicateTypes(declarations(`{ A: ${type}; }`, "{ get: { content: { c: string; d: string; }; }; }"))).toEqual([]);
  });
});
