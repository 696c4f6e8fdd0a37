/**
 * The loading rule (docs/decisions/0029-pay-at-cold-start-for-what-a-request-uses.md), as data: a
 * function loads at INIT only what its most common request needs; every other feature is a dynamic
 * import() loaded by the first request that needs it. Written once, read by the INIT-graph test
 * (test/unit/build/init-graph.test.ts) and the bench (its floor and first-use figures).
 *
 * Adding a feature: a line in FEATURES (the modules that make it up, as esbuild names its inputs).
 * It is then lazy in every function; a function whose most common request needs it lists it in `atInit`.
 */
import type { BenchRoute } from "./events.js";

export const FEATURES = {
  /** What names a key: the Auto Scaling client, EC2's usage describes (commands and schemas), the scan, the usage rules, the rehearsal. */
  usageCheck: [
    /^node_modules\/@aws-sdk\/client-auto-scaling\//,
    /^node_modules\/@aws-sdk\/client-ec2\/dist-es\/commands\/Describe(Instances|LaunchTemplates|LaunchTemplateVersions|SpotInstanceRequests|SpotFleetRequests|Fleets)Command\.js$/,
    /^node_modules\/@aws-sdk\/client-ec2\/dist-es\/schemas\/schemas_0\.js\?part=Describe(Instances|LaunchTemplates|LaunchTemplateVersions|SpotInstanceRequests|SpotFleetRequests|Fleets)(Request|Result)?\$$/,
    /^src\/lib\/aws\/(autoscaling|key-usage[\w-]*)\.ts$/,
    /^src\/lib\/keypairs\/usage\.ts$/,
  ],
  /** The escrow vault: SSM. */
  escrow: [/^node_modules\/@aws-sdk\/client-ssm\//, /^src\/lib\/aws\/ssm\.ts$/],
  /** Change events: EventBridge. */
  events: [/^node_modules\/@aws-sdk\/client-eventbridge\//, /^src\/lib\/aws\/eventbridge\.ts$/],
  /** The ledgers in DynamoDB: the Idempotency-Key's (only requests with one) and the rate share's (loaded by the first call that takes a token). */
  dynamoDbLedgers: [/^node_modules\/@aws-sdk\/client-dynamodb\//, /^src\/lib\/aws\/(dynamodb|idempotency-ledger|rate-ledger)\.ts$/],
  /** Other accounts: STS and Organizations. */
  otherAccounts: [/^node_modules\/@aws-sdk\/client-(sts|organizations)\//, /^src\/lib\/aws\/member-accounts\.ts$/],
  /** Tracing and metrics libraries. */
  tracingAndMetrics: [/^node_modules\/(aws-xray-sdk[\w-]*|@aws-lambda-powertools\/(tracer|metrics))\//],
} satisfies Record<string, RegExp[]>;

export type Feature = keyof typeof FEATURES;

export interface LoadingRule {
  /** Its bundle's entry (src/lib/routes.ts FUNCTIONS and SCHEDULED_FUNCTIONS). */
  entry: string;
  /** The request it serves most: what INIT is for. */
  mostCommon: BenchRoute | "schedule";
  /** The features that request needs: the only ones its INIT may load. */
  atInit: Feature[];
  /** The EC2 calls that request makes: the floor is client-ec2 alone making them (bench). */
  floor?: string[];
}

export const LOADING_RULE: Record<string, LoadingRule> = {
  readKeyPairs: { entry: "src/functions/read-key-pairs", mostCommon: "GET /keypairs/{name}", atInit: [], floor: ["DescribeKeyPairs"] },
  createKeyPairs: { entry: "src/functions/create-key-pairs", mostCommon: "POST /keypairs", atInit: ["events"], floor: ["CreateKeyPair"] },
  deleteKeyPairs: {
    entry: "src/functions/delete-key-pairs",
    mostCommon: "DELETE /keypairs/{name}",
    // The guard: every delete but a forced one checks what names its key.
    atInit: ["usageCheck", "events"],
    floor: [
      "DescribeKeyPairs",
      "DescribeInstances",
      "DescribeLaunchTemplates",
      "DescribeSpotInstanceRequests",
      "DescribeSpotFleetRequests",
      "DescribeFleets",
      "DeleteKeyPair",
    ],
  },
  apiDocs: { entry: "src/handlers/api-docs", mostCommon: "GET /openapi.json", atInit: [] },
  methodNotAllowed: { entry: "src/handlers/method-not-allowed", mostCommon: "ANY /keypairs", atInit: [] },
  // Every run lists the escrow vault and publishes the expiries it deletes.
  sweepKeyPairs: { entry: "src/functions/sweep-key-pairs", mostCommon: "schedule", atInit: ["escrow", "events"] },
};

/** The features a function's INIT must not load. */
export const lazyFeatures = (rule: LoadingRule): Feature[] =>
  (Object.keys(FEATURES) as Feature[]).filter((feature) => !rule.atInit.includes(feature));
