/**
 * The realistic local AWS: an HTTP proxy on 127.0.0.1 in front of moto_server that applies the
 * layer's rules (layer.ts) to every call. It runs in the process that starts the stack and is
 * closed with it.
 */

import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { DescribeKeyPairsCommand, EC2Client, type KeyPairInfo } from "@aws-sdk/client-ec2";
import { readCall } from "./calls.ts";
import type { RealisticAwsConfig } from "./config.ts";
import type { KeyPairView } from "./key-pair-views.ts";
import { type ForwardedAnswer, type KeyPairSource, RealisticLayer } from "./layer.ts";

export interface RealisticAws {
  url: string;
  layer: RealisticLayer;
  close(): Promise<void>;
}

const viewOf = (info: KeyPairInfo): KeyPairView => ({
  keyPairId: info.KeyPairId ?? "",
  keyName: info.KeyName ?? "",
  keyFingerprint: info.KeyFingerprint ?? "",
  ...(info.KeyType ? { keyType: info.KeyType } : {}),
  ...(info.CreateTime ? { createTime: info.CreateTime.toISOString() } : {}),
  ...(info.PublicKey ? { publicKey: info.PublicKey } : {}),
  tags: (info.Tags ?? []).map((tag) => ({ key: tag.Key ?? "", value: tag.Value ?? "" })),
});

/** moto's key pairs, read directly: signed with the caller's access key, so moto picks the same account. */
function emulatorKeyPairs(target: string): KeyPairSource & { destroy(): void } {
  const clients = new Map<string, EC2Client>();
  const client = (account: string, region: string) => {
    const key = `${account}|${region}`;
    let ec2 = clients.get(key);
    if (!ec2) {
      ec2 = new EC2Client({ region, endpoint: target, credentials: { accessKeyId: account, secretAccessKey: "x" } });
      clients.set(key, ec2);
    }
    return ec2;
  };
  const describe = async (account: string, region: string, input: ConstructorParameters<typeof DescribeKeyPairsCommand>[0]) =>
    ((await client(account, region).send(new DescribeKeyPairsCommand({ ...input, IncludePublicKey: true }))).KeyPairs ?? []).map(viewOf);
  return {
    all: (account, region) => describe(account, region, {}),
    one: async (account, region, lookup) => {
      const input =
        "keyName" in lookup ? { KeyNames: [lookup.keyName] } : { Filters: [{ Name: "key-pair-id", Values: [lookup.keyPairId] }] };
      const found = await describe(account, region, input).catch((error: { name?: string }) =>
        error.name === "InvalidKeyPair.NotFound" ? [] : Promise.reject(error),
      );
      return found[0];
    },
    destroy: () => {
      for (const ec2 of clients.values()) ec2.destroy();
    },
  };
}

export async function startRealisticAws(target: string, config: RealisticAwsConfig): Promise<RealisticAws> {
  const upstream = new URL(target);
  const source = emulatorKeyPairs(target);
  const layer = new RealisticLayer({ config, source });
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      const forward = () =>
        new Promise<ForwardedAnswer>((resolve, reject) => {
          const sent = request(
            { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
            (answer) => {
              const answerChunks: Buffer[] = [];
              answer.on("data", (chunk: Buffer) => answerChunks.push(chunk));
              answer.on("end", () =>
                resolve({
                  status: answer.statusCode ?? 502,
                  headers: answer.headers as Record<string, string>,
                  body: Buffer.concat(answerChunks),
                }),
              );
              answer.on("error", reject);
            },
          );
          sent.on("error", reject);
          sent.end(body);
        });
      layer.handle(readCall(incoming.headers, body), forward).then(
        (answer) => {
          if (!outgoing.destroyed) outgoing.writeHead(answer.status, answer.headers).end(answer.body);
        },
        () => outgoing.destroy(), // the emulator is gone: the caller sees a broken connection, as with a dead endpoint
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    layer,
    close: () => {
      source.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
