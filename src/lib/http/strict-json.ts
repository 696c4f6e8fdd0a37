/**
 * The checks JSON.parse does not make, read from the body's text in one pass without recursion
 * (the nesting is the sender's to choose): nesting deeper than MAX_JSON_DEPTH, a repeated member
 * name (JSON.parse keeps the last of two equal names, so `{"dryRun":true,"dryRun":false}` would
 * silently mean something the sender may not have meant), and a `__proto__` member (JSON.parse
 * makes it an own property, which an object spread or assignment turns into a prototype).
 * A JSON AST parser (@humanwhocodes/momoa) would find members too, at 27.7 KB minified per bundle
 * (measured with esbuild), and recursively; a scan is enough: it only has to be right for text
 * JSON.parse accepts (on other text it still ends, and the body is refused either way).
 */

/**
 * The deepest a body may nest arrays and objects (the body itself is level 1; a create's tags are
 * level 2). Deeper bodies are refused before they are parsed, so nothing walks a depth the sender
 * chose.
 */
export const MAX_JSON_DEPTH = 32;

export type JsonFault =
  | { kind: "too-deep" }
  /** `path` is the JSON path of the repeated name (e.g. `tags.team`). */
  | { kind: "duplicate"; path: string }
  /** `path` is the JSON path of the object holding the member (`""` for the body itself). */
  | { kind: "proto"; path: string };

/** The first fault of `json` in text order, or undefined; nesting deeper than `maxDepth` ends the scan there. */
export function findJsonFault(json: string, maxDepth = MAX_JSON_DEPTH): JsonFault | undefined {
  // One frame per open container: the names seen so far (objects only) and where it sits in its parent.
  const frames: { names?: Set<string>; at: string }[] = [];
  const pathTo = (name?: string) => [...frames.slice(1).map((open) => open.at), ...(name === undefined ? [] : [name])].join(".");
  let lastName: string | undefined;
  let index = 0;
  while (index < json.length) {
    const char = json[index]!;
    if (char === '"') {
      const end = stringEnd(json, index);
      const frame = frames.at(-1);
      let next = end;
      while (/\s/.test(json[next] ?? "")) next += 1;
      if (frame?.names && json[next] === ":") {
        // Decoded, so "a" and "\u0061" are the same name.
        const name = decodeName(json.slice(index, end));
        if (name === "__proto__") return { kind: "proto", path: pathTo() };
        if (frame.names.has(name)) return { kind: "duplicate", path: pathTo(name) };
        frame.names.add(name);
        lastName = name;
      }
      index = end;
      continue;
    }
    if (char === "{" || char === "[") {
      if (frames.length === maxDepth) return { kind: "too-deep" };
      const parent = frames.at(-1);
      frames.push({ names: char === "{" ? new Set() : undefined, at: parent?.names ? (lastName ?? "") : "[]" });
    } else if (char === "}" || char === "]") {
      frames.pop();
    }
    index += 1;
  }
  return undefined;
}

/** The index just past the string literal that starts at `start` (a double quote). */
function stringEnd(json: string, start: number): number {
  let index = start + 1;
  while (index < json.length && json[index] !== '"') index += json[index] === "\\" ? 2 : 1;
  return index + 1;
}

function decodeName(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal; // not valid JSON: the parser refuses the body anyway
  }
}
