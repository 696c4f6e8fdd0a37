/**
 * The runbook's Logs Insights queries (docs/runbook.md), and their `filter` evaluated over JSON log
 * lines as Logs Insights reads them: comparisons (= != < <= > >=) of a field (dotted paths into the
 * JSON, @message the whole line) with a number or a "string", `like /regex/`, joined by `and` or `or`
 * (`and` binding tighter). Enough for the runbook's filters; anything else is refused.
 */
import { readFileSync } from "node:fs";
import { ROOT } from "../../scripts/local-stack.js";

/** Each runbook entry's first query, by its heading (the alarm's runbook anchor). */
export function runbookQueries(): Record<string, string> {
  const runbook = readFileSync(`${ROOT}/docs/runbook.md`, "utf8");
  const queries: Record<string, string> = {};
  for (const section of runbook.split(/^## /m).slice(1)) {
    const heading = section.slice(0, section.indexOf("\n")).trim();
    const query = /```\n([\s\S]*?)```/.exec(section)?.[1];
    if (query) queries[heading] = query;
  }
  return queries;
}

const field = (line: Record<string, unknown>, raw: string, path: string): unknown =>
  path === "@message" ? raw : path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], line);

function clause(text: string): (line: Record<string, unknown>, raw: string) => boolean {
  const like = /^([@\w.]+) like \/(.*)\/$/.exec(text);
  if (like) {
    const pattern = new RegExp(like[2]!);
    return (line, raw) => pattern.test(String(field(line, raw, like[1]!) ?? ""));
  }
  const compare = /^([@\w.]+) (=|!=|<=|>=|<|>) ("[^"]*"|-?\d+(?:\.\d+)?)$/.exec(text);
  if (!compare) throw new Error(`a filter clause this evaluator does not know: ${text}`);
  const [, path, op, literal] = compare as unknown as [string, string, string, string];
  const expected = literal.startsWith('"') ? literal.slice(1, -1) : Number(literal);
  return (line, raw) => {
    const value = field(line, raw, path);
    if (value === undefined) return false;
    switch (op) {
      case "=":
        return value === expected;
      case "!=":
        return value !== expected;
      default: {
        const [a, b] = [Number(value), Number(expected)];
        return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
      }
    }
  };
}

/** The query's filter as a predicate over raw log lines (non-JSON lines never match a field). */
export function filterOf(query: string): (raw: string) => boolean {
  const text = /^\| filter (.*)$/m.exec(query)?.[1];
  if (!text) throw new Error(`no filter in ${query}`);
  const alternatives = text.split(" or ").map((alternative) => alternative.split(" and ").map(clause));
  return (raw) => {
    let line: Record<string, unknown> = {};
    try {
      line = JSON.parse(raw.slice(raw.indexOf("{")));
    } catch {
      // Not JSON: only @message can match.
    }
    return alternatives.some((clauses) => clauses.every((matches) => matches(line, raw)));
  };
}
