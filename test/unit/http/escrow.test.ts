/** Escrow to SSM (POST /keypairs with escrow: true, and DELETE), with EC2 and SSM mocked. */

import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { CreateKeyPairCommand, DeleteKeyPairCommand, DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DeleteParameterCommand, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { handler as createHandler } from "../../../src/handlers/create-key-pair.js";
import { handler as deleteHandler } from "../../../src/handlers/delete-key-pair.js";
import { invoke } from "../../support/lambda.js";
import { nothingNamesKeys } from "../../support/usage-mocks.js";

const ec2 = mockClient(EC2Client);
const ssm = mockClient(SSMClient);
const autoScaling = mockClient(AutoScalingClient);
beforeEach(() => {
  ec2.reset();
  ssm.reset();
  autoScaling.reset();
  nothingNamesKeys(ec2, autoScaling);
});

const KEY_ID = "key-0123456789abcdef0";
const PARAMETER = `/ec2/keypair/${KEY_ID}`;
const PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret-escrow-test-material\n-----END OPENSSH PRIVATE KEY-----\n";
const managedTag = { Key: "managed-by", Value: "ec2-keypairs-api" };
const createEscrowed = (body: object = {}) =>
  invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "k1", keyType: "ed25519", escrow: true, ...body } });
const sdkError = (name: string, status: number) =>
  Object.assign(new Error(`${name}: ${PRIVATE_KEY}`), {
    name,
    $fault: status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status },
  });

beforeEach(() => {
  ec2
    .on(CreateKeyPairCommand)
    .resolves({ KeyPairId: KEY_ID, KeyName: "k1", KeyFingerprint: "fp", KeyMaterial: PRIVATE_KEY, Tags: [managedTag] });
});

describe("POST /keypairs with escrow: true", () => {
  test("puts the private key in a SecureString /ec2/keypair/<id> (aws/ssm key, tagged) and answers 201 no-store without it", async () => {
    ssm.on(PutParameterCommand).resolves({ Version: 1 });
    const answer = await createEscrowed({ tags: { team: "a" } });
    expect(answer.status).toBe(201);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.body).toMatchObject({
      keyPairId: KEY_ID,
      name: "k1",
      keyType: "ed25519",
      keyFormat: "pem",
      managed: true,
      privateKeyParameter: PARAMETER,
    });
    expect(answer.body.keyMaterial).toBeUndefined();
    expect(JSON.stringify(answer.body)).not.toContain("PRIVATE KEY");
    const puts = ssm.commandCalls(PutParameterCommand);
    expect(puts.map((call) => call.args[0].input)).toEqual([
      {
        Name: PARAMETER,
        Value: PRIVATE_KEY,
        Type: "SecureString",
        KeyId: "alias/aws/ssm",
        Overwrite: false,
        Description: `Private key of EC2 key pair ${KEY_ID}`,
        Tags: [{ Key: "keypair-id", Value: KEY_ID }, managedTag],
      },
    ]);
    expect(await ssm.call(0).thisValue.config.region()).toBe("eu-west-1");
    expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(0);
  });

  test("without escrow nothing goes to SSM and the key is in the answer", async () => {
    const answer = await createEscrowed({ escrow: false });
    expect(answer.status).toBe(201);
    expect(answer.body.keyMaterial).toBe(PRIVATE_KEY);
    expect(answer.body.privateKeyParameter).toBeUndefined();
    expect(ssm.calls()).toHaveLength(0);
  });

  test("a dry run touches neither SSM nor anything else", async () => {
    ec2.on(CreateKeyPairCommand).rejects(Object.assign(new Error("dry"), { name: "DryRunOperation" }));
    const answer = await createEscrowed({ dryRun: true });
    expect(answer.status).toBe(200);
    expect(ssm.calls()).toHaveLength(0);
  });

  // SSM's own fault (5xx) may have stored the key all the same: never "nothing was kept" then.
  test.each([
    ["access denied (KMS or IAM)", "AccessDeniedException", 400, "was deleted again: nothing was kept"],
    ["an SSM internal error", "InternalServerError", 500, "the escrow sweep deletes it once its key pair is gone"],
    ["throttling", "ThrottlingException", 400, "was deleted again: nothing was kept"],
  ])("PutParameter fails with %s: the key pair is deleted, 502 escrow-failed, no key text anywhere", async (_label, code, status, told) => {
    ssm.on(PutParameterCommand).rejects(sdkError(code, status));
    ec2.on(DeleteKeyPairCommand).resolves({ Return: true });
    const answer = await createEscrowed();
    expect(answer.status).toBe(502);
    expect(answer.body.type).toMatch(/\/problems\/escrow-failed$/);
    expect(answer.body.detail).toContain(`(${code})`);
    expect(answer.body.detail).toContain(told);
    expect(ssm.commandCalls(DeleteParameterCommand).map((call) => call.args[0].input)).toEqual([{ Name: `/ec2/keypair/${KEY_ID}` }]);
    expect(answer.headers["cache-control"]).toBeUndefined();
    expect(JSON.stringify(answer)).not.toMatch(/PRIVATE KEY|secret-escrow-test-material/);
    expect(ec2.commandCalls(DeleteKeyPairCommand).map((call) => call.args[0].input)).toEqual([{ KeyPairId: KEY_ID, DryRun: false }]);
  });

  test("PutParameter fails and so does the delete: 502 says the key pair may still exist, without the key", async () => {
    ssm.on(PutParameterCommand).rejects(sdkError("AccessDeniedException", 400));
    ec2.on(DeleteKeyPairCommand).rejects(sdkError("UnauthorizedOperation", 403));
    const answer = await createEscrowed();
    expect(answer.status).toBe(502);
    expect(answer.body.type).toMatch(/\/problems\/escrow-failed$/);
    expect(answer.body.detail).toContain(`deleting key pair k1 (${KEY_ID}) failed too: it may still exist`);
    expect(JSON.stringify(answer)).not.toMatch(/PRIVATE KEY|secret-escrow-test-material/);
  });

  test("ParameterAlreadyExists after a retried put is the put's own first attempt: 201", async () => {
    ssm
      .on(PutParameterCommand)
      .rejects(Object.assign(sdkError("ParameterAlreadyExists", 400), { $metadata: { httpStatusCode: 400, attempts: 2 } }));
    const answer = await createEscrowed();
    expect(answer.status).toBe(201);
    expect(answer.body.privateKeyParameter).toBe(PARAMETER);
    expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(0);
  });
});

describe("DELETE /keypairs/{name} and the escrowed key", () => {
  beforeEach(() => {
    const escrowed = { Key: "ec2-keypairs-api:escrow", Value: "ssm" };
    ec2.on(DescribeKeyPairsCommand).resolves({
      KeyPairs: [{ KeyPairId: KEY_ID, KeyName: "k1", KeyFingerprint: "fp", KeyType: "ed25519", Tags: [managedTag, escrowed] }],
    });
    ec2.on(DeleteKeyPairCommand).resolves({ Return: true });
  });
  const deleteK1 = () => invoke(deleteHandler, { method: "DELETE", path: "/keypairs/k1", pathParameters: { name: "k1" } });

  test("deletes /ec2/keypair/<id> after an escrowed key pair; a parameter already gone is fine", async () => {
    ssm.on(DeleteParameterCommand).rejects(sdkError("ParameterNotFound", 400));
    const answer = await deleteK1();
    expect(answer.status).toBe(204);
    expect(ssm.commandCalls(DeleteParameterCommand).map((call) => call.args[0].input)).toEqual([{ Name: PARAMETER }]);
  });

  test("a key pair that was never escrowed: SSM is not called", async () => {
    ec2
      .on(DescribeKeyPairsCommand)
      .resolves({ KeyPairs: [{ KeyPairId: KEY_ID, KeyName: "k1", KeyFingerprint: "fp", KeyType: "ed25519", Tags: [managedTag] }] });
    const answer = await deleteK1();
    expect(answer.status).toBe(204);
    expect(ssm.commandCalls(DeleteParameterCommand)).toHaveLength(0);
  });

  test("the key pair is gone but its parameter could not be deleted: 502 naming the parameter", async () => {
    ssm.on(DeleteParameterCommand).rejects(sdkError("AccessDeniedException", 400));
    const answer = await deleteK1();
    expect(answer.status).toBe(502);
    expect(answer.body.type).toMatch(/\/problems\/escrow-failed$/);
    expect(answer.body.detail).toContain(`The key pair was deleted, but its escrowed private key ${PARAMETER} could not be`);
    expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(1);
  });
});
