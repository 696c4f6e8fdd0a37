/** The README's problem table against the one list of problem kinds (api/problems.ts) and their statuses (http/problems.ts). */
import { readFileSync } from "node:fs";
import { ROOT } from "../../scripts/local-stack.js";
import { PROBLEM_KINDS } from "../../src/lib/api/problems.js";
import { PROBLEM_STATUS } from "../../src/lib/http/problems.js";

/** Each kind the table's rows name (`a` / `b` in the first column), with the status of its row. */
function tableKinds(readme: string): Array<[string, number]> {
  const section = readme.slice(readme.indexOf("## Errors"), readme.indexOf("\n## ", readme.indexOf("## Errors") + 1));
  return section
    .split("\n")
    .filter((line) => /^\| `/.test(line))
    .flatMap((line) => {
      const [kinds = "", status = ""] = line.split("|").slice(1);
      return [...kinds.matchAll(/`([a-z-]+)`/g)].map((match) => [match[1]!, Number(status.match(/\d{3}/)?.[0])] as [string, number]);
    });
}

test("the README's problem table names every problem kind once, with the status the API answers", () => {
  const listed = tableKinds(readFileSync(`${ROOT}/README.md`, "utf8"));
  expect(listed.map(([kind]) => kind).sort()).toEqual([...PROBLEM_KINDS].sort());
  expect(listed).toEqual(listed.map(([kind]) => [kind, PROBLEM_STATUS[kind as keyof typeof PROBLEM_STATUS]]));
});
