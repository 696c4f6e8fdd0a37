/**
 * Each function's bundle, built as serverless.yml builds it, carries the request schemas of its
 * own routes and no others: zod builds every schema it carries at INIT, used or not.
 */
import { build } from "esbuild";
import { deployedBuildOptions } from "../../../bench/artifacts.js";
import { ROOT } from "../../../scripts/local-stack.js";

// A description only each schema's definition holds (src/lib/api/schemas.ts).
const SCHEMA_TEXT = {
  ListQuery: "List every allowed region",
  KeyQuery: "Include the public key (OpenSSH format).",
  DeleteQuery: "Nothing is deleted: the answer is what the delete would be.",
  IdempotencyHeaders: "Makes a retry safe",
  CreateKeyPairBody: "Store the private key in SSM",
  ImportKeyPairBody: "A public key to register",
};

test.each([
  ["read-key-pairs", ["ListQuery", "KeyQuery"]],
  ["create-key-pairs", ["IdempotencyHeaders", "CreateKeyPairBody", "ImportKeyPairBody"]],
  ["delete-key-pairs", ["DeleteQuery"]],
])(
  "the %s function builds only its routes' request schemas",
  async (fn, own) => {
    const result = await build({
      entryPoints: [`${ROOT}/src/functions/${fn}.ts`],
      write: false,
      outfile: `${fn}.mjs`,
      logLevel: "error",
      ...deployedBuildOptions(),
    });
    const [output] = result.outputFiles ?? [];
    const code = output?.text ?? "";
    const carried = Object.entries(SCHEMA_TEXT).flatMap(([schema, text]) => (code.includes(text) ? [schema] : []));
    expect(carried).toEqual(own);
  },
  60_000,
);
