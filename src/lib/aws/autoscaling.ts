/**
 * The Auto Scaling adapter, read-only: the launch configurations and groups a usage check reads.
 * The only module that knows @aws-sdk/client-auto-scaling. Like ec2.ts: a client per
 * (account, region), built lazily and discarded after any failure that is not an Auto Scaling answer; errors
 * through EC2's one table (the same query protocol and codes, plus AccessDenied).
 */
import { AutoScalingClient, DescribeAutoScalingGroupsCommand, DescribeLaunchConfigurationsCommand } from "@aws-sdk/client-auto-scaling";
import { ServiceError } from "../keypairs/errors.js";
import { config } from "../platform/config.js";
import { clientKey } from "./account-scope.js";
import { countingThrottles, scopedClientOptions } from "./clients.js";
import { isEc2Answer, type SdkError, translateEc2Error, type UsageOperation } from "./ec2-errors.js";
import { allPages, templateRef } from "./key-usage-ec2.js";
import { limitToShare } from "./own-share.js";
import { traced } from "./tracing.js";

const clients = new Map<string, AutoScalingClient>();

/** A region's client, in the request's account (exported as a seam for the bench, which answers it from memory). */
export function autoScalingClient(region: string): AutoScalingClient {
  let client = clients.get(clientKey(region));
  if (!client) {
    client = traced(
      countingThrottles(
        limitToShare(
          new AutoScalingClient(scopedClientOptions(region, config.AUTOSCALING_ENDPOINT, config.EC2_MAX_ATTEMPTS)),
          "autoscaling",
          region,
        ),
      ),
    );
    clients.set(clientKey(region), client);
  }
  return client;
}

/** Forgets a region's client of the request's account (after a failure that was not Auto Scaling's answer). */
export function discardAutoScalingClient(region: string): void {
  clients.get(clientKey(region))?.destroy();
  clients.delete(clientKey(region));
}

async function send<T>(region: string, operation: UsageOperation, signal: AbortSignal, run: (client: AutoScalingClient) => Promise<T>) {
  try {
    return await run(autoScalingClient(region));
  } catch (error) {
    if (!(error instanceof ServiceError || isEc2Answer((error ?? {}) as SdkError))) discardAutoScalingClient(region);
    throw translateEc2Error(signal.aborted ? (signal.reason ?? error) : error, operation);
  }
}

/** The page size of both describes (Auto Scaling's maximum); the INIT rehearsal asks the same. */
export const AUTO_SCALING_PAGE = { MaxRecords: 100 };

/** Every launch configuration of the region that names a key. */
export async function describeLaunchConfigurationsWithKeys(region: string, signal: AbortSignal) {
  const configurations = await allPages("DescribeLaunchConfigurations", async (NextToken) => {
    const output = await send(region, "DescribeLaunchConfigurations", signal, (client) =>
      client.send(new DescribeLaunchConfigurationsCommand({ ...AUTO_SCALING_PAGE, NextToken }), { abortSignal: signal }),
    );
    return { NextToken: output.NextToken, page: output.LaunchConfigurations ?? [] };
  });
  return configurations.flatMap((configuration) =>
    configuration.LaunchConfigurationName && configuration.KeyName
      ? [{ name: configuration.LaunchConfigurationName, keyName: configuration.KeyName }]
      : [],
  );
}

/** Every group of the region: its launch configuration, launch templates (incl. a mixed instances policy's and its overrides') and instances. */
export async function describeAutoScalingGroups(region: string, signal: AbortSignal) {
  const groups = await allPages("DescribeAutoScalingGroups", async (NextToken) => {
    const output = await send(region, "DescribeAutoScalingGroups", signal, (client) =>
      client.send(new DescribeAutoScalingGroupsCommand({ ...AUTO_SCALING_PAGE, NextToken }), { abortSignal: signal }),
    );
    return { NextToken: output.NextToken, page: output.AutoScalingGroups ?? [] };
  });
  return groups.flatMap((group) => {
    if (!group.AutoScalingGroupName) return [];
    const mixed = group.MixedInstancesPolicy?.LaunchTemplate;
    return [
      {
        name: group.AutoScalingGroupName,
        ...(group.LaunchConfigurationName ? { launchConfigurationName: group.LaunchConfigurationName } : {}),
        templates: [
          ...templateRef(group.LaunchTemplate),
          ...templateRef(mixed?.LaunchTemplateSpecification),
          ...(mixed?.Overrides ?? []).flatMap((override) => templateRef(override.LaunchTemplateSpecification)),
        ],
        instanceIds: (group.Instances ?? []).flatMap((instance) => (instance.InstanceId ? [instance.InstanceId] : [])),
      },
    ];
  });
}
