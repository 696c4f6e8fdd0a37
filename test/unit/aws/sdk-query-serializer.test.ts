/**
 * A minimal reproduction of an SDK defect the EC2 adapter defends against (src/lib/aws/ec2.ts,
 * discardClients): the query serializer of @aws-sdk/core keeps what it had written when a write
 * throws, and sends it ahead of the next request made with the same client. These tests assert
 * today's behaviour, so an SDK upgrade that fixes or changes it fails here and gets noticed.
 */
import { EC2Client, ImportKeyPairCommand } from "@aws-sdk/client-ec2";

/** An EC2 client that never reaches the network: it records each request body and answers a fixed import. */
function recordingClient(bodies: string[]): EC2Client {
  return new EC2Client({
    region: "us-east-1",
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { body?: unknown }) => {
        bodies.push(String(request.body));
        const xml =
          "<ImportKeyPairResponse " +
          'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><keyPairId>key-0123456789abcdef0</keyPairId><keyName>victim</keyName><keyFingerprint>ab:cd</keyFingerprint></ImportKeyPairResponse>';
        const { Readable } = await import("node:stream");
        return { response: { statusCode: 200, headers: { "content-type": "text/xml" }, body: Readable.from([Buffer.from(xml)]) } };
      },
    } as never,
  });
}

const importCommand = (name: string, tagValue: string) =>
  new ImportKeyPairCommand({
    KeyName: name,
    PublicKeyMaterial: Buffer.from(`ssh-ed25519 AAAA-${name}`),
    TagSpecifications: [{ ResourceType: "key-pair", Tags: [{ Key: "x", Value: tagValue }] }],
  });

test("an unpaired surrogate makes the serializer throw URIError mid-request", async () => {
  const bodies: string[] = [];
  await expect(recordingClient(bodies).send(importCommand("attacker", "\ud800"))).rejects.toThrow(URIError);
  expect(bodies).toHaveLength(0); // nothing was sent
});

test("the next request on the same client carries the failed request's parameters first (SDK defect)", async () => {
  const bodies: string[] = [];
  const client = recordingClient(bodies);
  await expect(client.send(importCommand("attacker", "\ud800"))).rejects.toThrow(URIError);
  await client.send(importCommand("victim", "clean"));
  const sent = new URLSearchParams(bodies[0]);
  // The attacker's name and public key precede the victim's: EC2 reads the first of a repeated parameter.
  expect(sent.getAll("KeyName")).toEqual(["attacker", "victim"]);
  expect(bodies[0]!.indexOf("KeyName=attacker")).toBeLessThan(bodies[0]!.indexOf("KeyName=victim"));
});

test("a fresh client sends only its own request", async () => {
  const bodies: string[] = [];
  await expect(recordingClient(bodies).send(importCommand("attacker", "\ud800"))).rejects.toThrow(URIError);
  await recordingClient(bodies).send(importCommand("victim", "clean"));
  expect(new URLSearchParams(bodies[0]).getAll("KeyName")).toEqual(["victim"]);
});
