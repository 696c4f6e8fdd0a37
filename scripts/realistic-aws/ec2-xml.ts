/** EC2's XML answers the layer writes itself: errors, and DescribeKeyPairs from the key pairs a describe shows. */
import { randomUUID } from "node:crypto";
import type { KeyPairView } from "./key-pair-views.ts";

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const xmlText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const XML = { "content-type": "text/xml;charset=UTF-8" };

/** EC2's error format: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html */
export function ec2Error(status: number, code: string, message: string): Answer {
  return {
    status,
    headers: XML,
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${xmlText(message)}</Message>` +
      `</Error></Errors><RequestID>${randomUUID()}</RequestID></Response>`,
  };
}

function item(view: KeyPairView, includePublicKey: boolean): string {
  const optional = (tag: string, value: string | undefined) => (value === undefined ? "" : `<${tag}>${xmlText(value)}</${tag}>`);
  const tags = view.tags.map((tag) => `<item><key>${xmlText(tag.key)}</key><value>${xmlText(tag.value)}</value></item>`).join("");
  return (
    `<item><keyPairId>${xmlText(view.keyPairId)}</keyPairId><keyName>${xmlText(view.keyName)}</keyName>` +
    `<keyFingerprint>${xmlText(view.keyFingerprint)}</keyFingerprint>${optional("keyType", view.keyType)}` +
    `<tagSet>${tags}</tagSet>${optional("createTime", view.createTime)}${includePublicKey ? optional("publicKey", view.publicKey) : ""}</item>`
  );
}

export function describeKeyPairsAnswer(items: KeyPairView[], includePublicKey: boolean): Answer {
  return {
    status: 200,
    headers: XML,
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeKeyPairsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">` +
      `<requestId>${randomUUID()}</requestId><keySet>${items.map((view) => item(view, includePublicKey)).join("")}</keySet></DescribeKeyPairsResponse>`,
  };
}
