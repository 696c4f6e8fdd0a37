/**
 * A loopback EC2 (and Auto Scaling) endpoint that answers the key pair actions, and an empty usage
 * check, at once with fixed, valid XML, EventBridge's PutEvents (the events every change
 * publishes) with an accepted entry, and SSM's PutParameter (an escrowed create) as stored, and DynamoDB's UpdateItem (the rate share's ledger) granted.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const keyPairXml = `<item><keyPairId>key-0123456789abcdef0</keyPairId><keyName>bench</keyName><keyType>ed25519</keyType>
<keyFingerprint>abc=</keyFingerprint><createTime>2026-11-22T10:00:00.000Z</createTime>
<tagSet><item><key>managed-by</key><value>ec2-keypairs-api</value></item></tagSet></item>`;

/** The usage check's Spot and fleet describes, each answering that there is none. */
export const EMPTY_LAUNCHERS: Record<string, string> = {
  DescribeSpotInstanceRequests: `<DescribeSpotInstanceRequestsResponse><requestId>r</requestId><spotInstanceRequestSet/></DescribeSpotInstanceRequestsResponse>`,
  DescribeSpotFleetRequests: `<DescribeSpotFleetRequestsResponse><requestId>r</requestId><spotFleetRequestConfigSet/></DescribeSpotFleetRequestsResponse>`,
  DescribeFleets: `<DescribeFleetsResponse><requestId>r</requestId><fleetSet/></DescribeFleetsResponse>`,
};

const answers: Record<string, string> = {
  DescribeKeyPairs: `<DescribeKeyPairsResponse><requestId>r</requestId><keySet>${keyPairXml}</keySet></DescribeKeyPairsResponse>`,
  CreateKeyPair: `<CreateKeyPairResponse><requestId>r</requestId><keyName>bench</keyName><keyPairId>key-0123456789abcdef0</keyPairId>
<keyFingerprint>abc=</keyFingerprint><keyMaterial>-----BEGIN OPENSSH PRIVATE KEY-----\nbench\n-----END OPENSSH PRIVATE KEY-----</keyMaterial></CreateKeyPairResponse>`,
  ImportKeyPair: `<ImportKeyPairResponse><requestId>r</requestId><keyName>bench</keyName><keyPairId>key-0123456789abcdef0</keyPairId><keyFingerprint>abc=</keyFingerprint></ImportKeyPairResponse>`,
  DeleteKeyPair: `<DeleteKeyPairResponse><requestId>r</requestId><return>true</return></DeleteKeyPairResponse>`,
  CreateTags: `<CreateTagsResponse><requestId>r</requestId><return>true</return></CreateTagsResponse>`,
  DeleteTags: `<DeleteTagsResponse><requestId>r</requestId><return>true</return></DeleteTagsResponse>`,
  // The delete's usage check: nothing names the key. Auto Scaling is answered by the same endpoint.
  DescribeInstances: `<DescribeInstancesResponse><requestId>r</requestId><reservationSet/></DescribeInstancesResponse>`,
  DescribeLaunchTemplates: `<DescribeLaunchTemplatesResponse><requestId>r</requestId><launchTemplates/></DescribeLaunchTemplatesResponse>`,
  DescribeLaunchConfigurations: `<DescribeLaunchConfigurationsResponse><DescribeLaunchConfigurationsResult><LaunchConfigurations/></DescribeLaunchConfigurationsResult></DescribeLaunchConfigurationsResponse>`,
  DescribeAutoScalingGroups: `<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups/></DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>`,
  ...EMPTY_LAUNCHERS,
};

export async function startFakeEc2(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      // The rate share's ledger (decision 0030): every take granted.
      if (request.headers["x-amz-target"] === "DynamoDB_20120810.UpdateItem") {
        response.writeHead(200, { "content-type": "application/x-amz-json-1.0" }).end("{}");
        return;
      }
      if (request.headers["x-amz-target"] === "AWSEvents.PutEvents") {
        response.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end('{"FailedEntryCount":0,"Entries":[{"EventId":"e"}]}');
        return;
      }
      if (request.headers["x-amz-target"] === "AmazonSSM.PutParameter") {
        response.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end('{"Version":1,"Tier":"Standard"}');
        return;
      }
      const action = new URLSearchParams(body).get("Action") ?? "";
      response.writeHead(200, { "content-type": "text/xml" }).end(answers[action] ?? "<Response/>");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The bench's AWS settings without endpoints: region, bench credentials, no log lines (not what is measured). */
export const BENCH_AWS_SETTINGS: Record<string, string> = {
  DEFAULT_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  AWS_REGION: "us-east-1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  LOG_LEVEL: "SILENT",
};

/** The functions' environment for the bench: every AWS endpoint at the fake, and BENCH_AWS_SETTINGS. */
export const fakeAwsEnvironment = (url: string): Record<string, string> => ({
  EC2_ENDPOINT: url,
  EVENTS_ENDPOINT: url,
  AUTOSCALING_ENDPOINT: url,
  SSM_ENDPOINT: url,
  DYNAMODB_ENDPOINT: url,
  ...BENCH_AWS_SETTINGS,
});
