/**
 * Escrow against moto's Parameter Store: the real handlers and SDK in this process, and once over
 * HTTP through the local stack. The parameter is read back here (the service itself may not read
 * it) and must hold the private key of the key pair EC2 holds.
 */
import { DescribeParametersCommand, GetParameterCommand, ListTagsForResourceCommand, SSMClient } from "@aws-sdk/client-ssm";
import { apiClient, created } from "../support/contract.js";
import { eventually } from "../support/eventually.js";
import { publicKeyOf, withoutComment } from "../support/keys.js";
import { type Handler, inProcessEnvironment, invoke } from "../support/lambda.js";

const region = "eu-west-3"; // used by no other test file
const run = `e${process.pid}${Math.random().toString(36).slice(2, 6)}`;

let createHandler: Handler;
let getHandler: Handler;
let deleteByIdHandler: Handler;
let ssm: SSMClient;

beforeAll(async () => {
  inProcessEnvironment(region, {
    EC2_ENDPOINT: process.env.MOTO_URL!,
    SSM_ENDPOINT: process.env.MOTO_URL!,
    // The delete's usage check reads Auto Scaling too (moto serves it).
    AUTOSCALING_ENDPOINT: process.env.MOTO_URL!,
  });
  // Imported only now: the configuration is read once, at import.
  ({ handler: createHandler } = await import("../../src/handlers/create-key-pair.js"));
  ({ handler: getHandler } = await import("../../src/handlers/get-key-pair.js"));
  ({ handler: deleteByIdHandler } = await import("../../src/handlers/delete-key-pair-by-id.js"));
  ssm = new SSMClient({ region, endpoint: process.env.MOTO_URL, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
});

afterAll(() => ssm.destroy());

const readParameter = async (name: string) => (await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }))).Parameter!;

const read = (name: string) =>
  invoke(getHandler, { method: "GET", path: `/keypairs/${name}`, pathParameters: { name }, query: { includePublicKey: "true" } });

/**
 * The escrowed private key is the one of the key pair EC2 holds: ssh-keygen derives its public key.
 * Read once describes show the new key (they lag a create under REALISTIC_AWS=1).
 */
async function expectEscrowedKeyOf(name: string, parameter: string): Promise<void> {
  const held = await eventually(
    () => read(name),
    (answer) => answer.status !== 404,
  );
  expect(held.status).toBe(200);
  const stored = await readParameter(parameter);
  expect(stored.Type).toBe("SecureString");
  expect(publicKeyOf(stored.Value!)).toBe(withoutComment(held.body.publicKey));
}

describe.each(["ed25519", "rsa"] as const)("%s: escrowed create, then delete by id", (keyType) => {
  const name = `${run}-${keyType}`;
  let keyPairId: string;

  test("201 without keyMaterial; the parameter holds the key pair's private key, KMS alias/aws/ssm, tagged", async () => {
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name, keyType, escrow: true } });
    expect(answer.status).toBe(201);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.body.keyMaterial).toBeUndefined();
    keyPairId = answer.body.keyPairId;
    expect(answer.body).toMatchObject({ name, keyType, region, managed: true, privateKeyParameter: `/ec2/keypair/${keyPairId}` });
    await expectEscrowedKeyOf(name, answer.body.privateKeyParameter);
    const described = await ssm.send(
      new DescribeParametersCommand({ ParameterFilters: [{ Key: "Name", Values: [answer.body.privateKeyParameter] }] }),
    );
    expect(described.Parameters?.map((parameter) => parameter.KeyId)).toEqual(["alias/aws/ssm"]);
    const tags = await ssm.send(new ListTagsForResourceCommand({ ResourceType: "Parameter", ResourceId: answer.body.privateKeyParameter }));
    expect(Object.fromEntries(tags.TagList!.map((tag) => [tag.Key, tag.Value]))).toEqual({
      "keypair-id": keyPairId,
      "managed-by": "ec2-keypairs-api",
    });
  });

  test("delete by id removes the key pair and its parameter", async () => {
    const deleted = await invoke(deleteByIdHandler, {
      method: "DELETE",
      path: `/keypairs/by-id/${keyPairId}`,
      pathParameters: { keyPairId },
    });
    expect(deleted.status).toBe(204);
    await expect(readParameter(`/ec2/keypair/${keyPairId}`)).rejects.toMatchObject({ name: "ParameterNotFound" });
    // Gone once describes show the delete (they lag it under REALISTIC_AWS=1).
    const gone = await eventually(
      () => read(name),
      (answer) => answer.status === 404,
    );
    expect(gone.status).toBe(404);
  });
});

test("over HTTP (local stack): escrowed create answers the spec's EscrowedKeyPair; delete by name removes the parameter", async () => {
  const api = apiClient();
  const name = `${run}-http`;
  const answer = await api.POST("/keypairs", { body: { name, keyType: "ed25519", escrow: true, region } });
  expect(answer.response.status).toBe(201);
  expect(answer.response.headers.get("cache-control")).toBe("no-store");
  const key = created<{ keyPairId: string; privateKeyParameter: string; keyMaterial?: string }>(answer.data);
  expect(key.keyMaterial).toBeUndefined();
  expect(key.privateKeyParameter).toBe(`/ec2/keypair/${key.keyPairId}`);
  await expectEscrowedKeyOf(name, key.privateKeyParameter);
  const deleted = await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { region } } });
  expect(deleted.response.status).toBe(204);
  await expect(readParameter(key.privateKeyParameter)).rejects.toMatchObject({ name: "ParameterNotFound" });
});
