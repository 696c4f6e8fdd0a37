/**
 * The floor of a function's cold start (bench/loading-rule.ts): client-ec2 alone, bundled with the
 * deployed options, making the EC2 calls the function's most common request makes, in a handler
 * that answers nothing else. What no implementation of the route can avoid loading and doing.
 */
import { bundleSource } from "./artifacts.js";

/** Inputs the fake endpoint answers as it answers the functions' own calls. */
const INPUTS: Record<string, object> = {
  DescribeKeyPairs: { KeyNames: ["bench"] },
  CreateKeyPair: { KeyName: "bench", KeyType: "ed25519" },
  DeleteKeyPair: { KeyPairId: "key-0123456789abcdef0" },
};

export async function floorBundle(outDir: string, name: string, calls: string[]): Promise<string> {
  const outfile = `${outDir}/floor/${name}.mjs`;
  const commands = calls.map((call) => `${call}Command`);
  const contents = [
    `import { EC2Client, ${commands.join(", ")} } from "@aws-sdk/client-ec2";`,
    `const client = new EC2Client({ region: process.env.DEFAULT_REGION, endpoint: process.env.EC2_ENDPOINT });`,
    "export const handler = async () => {",
    ...calls.map((call) => `  await client.send(new ${call}Command(${JSON.stringify(INPUTS[call] ?? {})}));`),
    '  return { statusCode: 200, body: "{}" };',
    "};",
  ].join("\n");
  await bundleSource(contents, outfile);
  return outfile;
}
