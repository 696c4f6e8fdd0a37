/**
 * The service's events as an integration test reads them: a bus of the test's own in moto, a rule
 * delivering to an SQS queue, and the environment that makes in-process handlers publish there.
 */
import { CreateEventBusCommand, EventBridgeClient, PutRuleCommand, PutTargetsCommand } from "@aws-sdk/client-eventbridge";
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { LOCAL_IDEMPOTENCY_TABLE } from "../../scripts/local-stack.js";
import { inProcessEnvironment } from "./lambda.js";

const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };

export interface EventQueue {
  /** Every message the queue holds, until `count` arrived (bounded: moto delivers as PutEvents answers). */
  received(count: number): Promise<Record<string, unknown>[]>;
  destroy(): void;
}

/**
 * Makes bus `run` in `region` with a rule to a queue, and points this process's handlers at moto
 * (EC2, SSM, EventBridge, Auto Scaling, the local Idempotency-Key ledger), `region` their only one.
 * Import the handlers after this: the configuration is read once, at import.
 */
export async function eventQueue(region: string, run: string): Promise<EventQueue> {
  const endpoint = process.env.MOTO_URL!;
  const bus = `keypair-events-${run}`;
  const events = new EventBridgeClient({ region, endpoint, credentials });
  const sqs = new SQSClient({ region, endpoint, credentials });
  const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: run }))).QueueUrl!;
  const queue = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }));
  await events.send(new CreateEventBusCommand({ Name: bus }));
  await events.send(new PutRuleCommand({ Name: run, EventBusName: bus, EventPattern: JSON.stringify({ source: ["ec2-keypairs-api"] }) }));
  await events.send(new PutTargetsCommand({ Rule: run, EventBusName: bus, Targets: [{ Id: "queue", Arn: queue.Attributes!.QueueArn! }] }));
  events.destroy();
  inProcessEnvironment(region, {
    EC2_ENDPOINT: endpoint,
    SSM_ENDPOINT: endpoint,
    EVENTS_ENDPOINT: endpoint,
    AUTOSCALING_ENDPOINT: endpoint,
    // The Idempotency-Key ledger, where the local stack made it.
    DYNAMODB_ENDPOINT: process.env.MOTO_TRUTH_URL!,
    IDEMPOTENCY_TABLE: LOCAL_IDEMPOTENCY_TABLE,
    EVENTS_REGION: region,
    EVENT_BUS_NAME: bus,
  });
  return {
    async received(count) {
      const messages: Record<string, unknown>[] = [];
      for (let attempt = 0; attempt < 10 && messages.length < count; attempt++) {
        const page = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
        messages.push(...(page.Messages ?? []).map((message) => JSON.parse(message.Body!) as Record<string, unknown>));
      }
      return messages;
    },
    destroy: () => sqs.destroy(),
  };
}
