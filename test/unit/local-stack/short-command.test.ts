/** The port holder's command line in npm start's "port in use" message. */
import { shortCommand } from "../../../scripts/local-stack.js";

test('an empty argument shows as "", not as nothing', () => {
  expect(shortCommand(["node", "serverless", "offline", "--stage", "", "--noAuth"])).toBe('node serverless offline --stage "" --noAuth');
});

test("a long command line is cut at a word, and says so", () => {
  const argv = ["python3", ...Array.from({ length: 40 }, (_, at) => `--option-${at}`)];
  const line = shortCommand(argv);
  expect(line.endsWith(" …")).toBe(true);
  expect(line.length).toBeLessThanOrEqual(102);
  expect(argv.join(" ").startsWith(line.slice(0, -2))).toBe(true);
  expect(
    line
      .slice(0, -2)
      .split(" ")
      .every((word) => argv.includes(word)),
  ).toBe(true);
});
