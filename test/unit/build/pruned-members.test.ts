/**
 * build/plugins/prune-output-shapes.cjs cuts EC2 output structures to the members it lists: a member
 * read anywhere else would come back undefined, silently. With the type checker, every read in
 * src/ (a property access, or a destructured name) of one of those structures must be a kept member.
 */
import { join } from "node:path";
import ts from "typescript";
import { load, ROOT } from "./plugin-harness.js";

const { KEEP } = load("plugins/prune-output-shapes.cjs") as { KEEP: Record<string, string[]> };
/** The SDK's interface names (Instance$ is the schema of the Instance interface). */
const KEPT = new Map(Object.entries(KEEP).map(([schema, members]) => [schema.replace(/\$$/, ""), new Set(members)]));
const SDK_TYPES = /[\\/]node_modules[\\/]@aws-sdk[\\/]client-ec2[\\/]/;

/** "Instance.Platform at src/lib/aws/ec2.ts:12" for each read of a pruned member in `files`. */
function prunedReads(program: ts.Program, files: string[]): string[] {
  const checker = program.getTypeChecker();
  const found: string[] = [];
  const check = (objectNode: ts.Node, member: string, at: ts.Node) => {
    const type = checker.getNonNullableType(checker.getTypeAtLocation(objectNode));
    const declaration = type.getSymbol()?.declarations?.[0];
    const kept = KEPT.get(type.getSymbol()?.getName() ?? "");
    if (!kept || !declaration || !SDK_TYPES.test(declaration.getSourceFile().fileName) || kept.has(member)) return;
    const source = at.getSourceFile();
    const line = source.getLineAndCharacterOfPosition(at.getStart()).line + 1;
    found.push(`${type.getSymbol()!.getName()}.${member} at ${source.fileName.replace(`${ROOT}/`, "")}:${line}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) check(node.expression, node.name.text, node);
    if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression))
      check(node.expression, node.argumentExpression.text, node);
    if (ts.isObjectBindingPattern(node) && ts.isVariableDeclaration(node.parent) && node.parent.initializer) {
      for (const element of node.elements) {
        const name = element.propertyName ?? element.name;
        if (ts.isIdentifier(name)) check(node.parent.initializer, name.text, element);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(program.getSourceFile(file)!);
  return found;
}

const options = (() => {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile).config;
  return ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
})();

test("src/ reads no member of a pruned EC2 output structure but those the build keeps", () => {
  const files = ts.sys.readDirectory(join(ROOT, "src"), [".ts"]);
  const program = ts.createProgram(files, options);
  expect(prunedReads(program, files)).toEqual([]);
  // The check sees the structures at all: the adapter reads kept members of several of them.
  expect(KEPT.size).toBeGreaterThan(5);
}, 120_000);

test("a read of a pruned member is found, by property, by index and destructured", () => {
  const fixture = join(ROOT, "src", "pruned-read-fixture.ts");
  const text = [
    'import type { Instance, FleetData } from "@aws-sdk/client-ec2";',
    "export const platform = (instance: Instance) => instance.Platform;",
    'export const kept = (instance: Instance | undefined) => instance?.KeyName ?? instance?.["ImageId"];',
    "export const fleet = (data: FleetData) => { const { FleetId, Tags } = data; return [FleetId, Tags]; };",
  ].join("\n");
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === fixture ? text : readFile(name));
  host.fileExists = (
    (exists) => (name: string) =>
      name === fixture || exists(name)
  )(host.fileExists.bind(host));
  const program = ts.createProgram([fixture], options, host);
  expect(prunedReads(program, [fixture]).map((read) => read.split(" at ")[0])).toEqual([
    "Instance.Platform",
    "Instance.ImageId",
    "FleetData.Tags",
  ]);
}, 120_000);
