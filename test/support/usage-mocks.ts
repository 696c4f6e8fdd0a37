/**
 * For tests that mock the SDK clients (aws-sdk-client-mock): the usage check's describes answer
 * "nothing names any key" unless a test says otherwise. Call after each reset().
 */
import { DescribeAutoScalingGroupsCommand, DescribeLaunchConfigurationsCommand } from "@aws-sdk/client-auto-scaling";
import {
  DescribeFleetsCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeSpotFleetRequestsCommand,
  DescribeSpotInstanceRequestsCommand,
} from "@aws-sdk/client-ec2";

interface Mock {
  on(command: unknown): { resolves(output: object): unknown };
}

export function nothingNamesKeys(ec2: Mock, autoScaling: Mock): void {
  ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
  ec2.on(DescribeLaunchTemplatesCommand).resolves({ LaunchTemplates: [] });
  ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({ LaunchTemplateVersions: [] });
  ec2.on(DescribeSpotInstanceRequestsCommand).resolves({ SpotInstanceRequests: [] });
  ec2.on(DescribeSpotFleetRequestsCommand).resolves({ SpotFleetRequestConfigs: [] });
  ec2.on(DescribeFleetsCommand).resolves({ Fleets: [] });
  autoScaling.on(DescribeLaunchConfigurationsCommand).resolves({ LaunchConfigurations: [] });
  autoScaling.on(DescribeAutoScalingGroupsCommand).resolves({ AutoScalingGroups: [] });
}
