/**
 * Finds a repeated member name in a JSON text. JSON.parse keeps the last of two equal names, so
 * `{"dryRun":true,"dryRun":false}` would silently mean something the sender may not have meant.
 * A JSON AST parser (@humanwhocodes/momoa) would do this too, at 27.7 KB minified per bundle
 * (measured with esbuild); a scan is enough: it only has to be right for text JSON.parse accepts
 * (on other text it still ends, and the body is refused either way).
 *
 * Returns the JSON path of the first repeated name (e.g. `tags.team`), or undefined.
 */
export function findDuplicateMember(json: string): string | undefined {
  // One frame per open container: the names seen so far (objects only) and where it sits in its parent.
  const frames: { names?: Set<string>; at: string }[] = [];
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
        if (frame.names.has(name)) return [...frames.slice(1).map((open) => open.at), name].join(".");
        frame.names.add(name);
        lastName = name;
      }
      index = end;
      continue;
    }
    if (char === "{" || char === "[") {
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
