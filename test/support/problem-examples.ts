/** The problems openapi.yaml shows (every application/problem+json example), and the members its Problem schema documents. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ROOT } from "../../scripts/local-stack.js";

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null;

export function specProblems(path = `${ROOT}/openapi.yaml`): { members: string[]; examples: Node[] } {
  const spec = parse(readFileSync(path, "utf8")) as Node;
  const found = new Map<string, Node>();
  // Iterative walk: the spec is ours, but a walk that cannot overflow costs nothing more.
  const pending: unknown[] = [spec];
  while (pending.length) {
    const node = pending.pop();
    if (!isNode(node)) continue;
    const media = node["application/problem+json"];
    if (isNode(media)) {
      const named = isNode(media.examples) ? Object.values(media.examples).map((example) => (example as Node).value) : [];
      for (const example of [media.example, ...named]) if (isNode(example)) found.set(JSON.stringify(example), example);
    }
    pending.push(...Object.values(node));
  }
  const problem = ((spec.components as Node).schemas as Node).Problem as { properties: Node };
  return { members: Object.keys(problem.properties), examples: [...found.values()] };
}
