/**
 * Rehearses a usage check at INIT (the read and delete functions; decision 0017): its eight
 * describes, with the inputs the scan sends, through the clients that send them for real (EC2's
 * read client, the Auto Scaling client), each answered in process with a row like a real answer's.
 * Nothing reaches EC2 or Auto Scaling; the clients' providers, endpoint rules, signing, serializers
 * and parsers have run before the first caller needs them. A failure only costs the rehearsal.
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
import { config } from "../platform/config.js";
import { logger } from "../platform/logger.js";
import { AUTO_SCALING_PAGE, autoScalingClient, discardAutoScalingClient } from "./autoscaling.js";
import { discardClients, ec2Client } from "./ec2-clients.js";
import { answeredInProcess } from "./in-process.js";
import { USAGE_SCAN_INPUTS } from "./key-usage-ec2.js";

const INSTANCES_XML =
  "<DescribeInstancesResponse><reservationSet><item><instancesSet><item><instanceId>i-00000000000000000</instanceId>" +
  "<keyName>rehearsal</keyName><instanceState><code>16</code><name>running</name></instanceState></item></instancesSet></item>" +
  "</reservationSet></DescribeInstancesResponse>";
const TEMPLATES_XML =
  "<DescribeLaunchTemplatesResponse><launchTemplates><item><launchTemplateId>lt-00000000000000000</launchTemplateId>" +
  "<launchTemplateName>rehearsal</launchTemplateName><defaultVersionNumber>1</defaultVersionNumber>" +
  "<latestVersionNumber>1</latestVersionNumber></item></launchTemplates></DescribeLaunchTemplatesResponse>";
const VERSIONS_XML =
  "<DescribeLaunchTemplateVersionsResponse><launchTemplateVersionSet><item><launchTemplateId>lt-00000000000000000</launchTemplateId>" +
  "<launchTemplateName>rehearsal</launchTemplateName><versionNumber>1</versionNumber><launchTemplateData><keyName>rehearsal</keyName>" +
  "</launchTemplateData></item></launchTemplateVersionSet></DescribeLaunchTemplateVersionsResponse>";
const TEMPLATE_CONFIGS =
  "<launchTemplateConfigs><item><launchTemplateSpecification><launchTemplateId>lt-00000000000000000</launchTemplateId>" +
  "<version>1</version></launchTemplateSpecification></item></launchTemplateConfigs>";
const SPOT_REQUESTS_XML =
  "<DescribeSpotInstanceRequestsResponse><spotInstanceRequestSet><item><spotInstanceRequestId>sir-00000000</spotInstanceRequestId>" +
  "<state>open</state><type>persistent</type><launchSpecification><keyName>rehearsal</keyName></launchSpecification></item>" +
  "</spotInstanceRequestSet></DescribeSpotInstanceRequestsResponse>";
const SPOT_FLEETS_XML =
  "<DescribeSpotFleetRequestsResponse><spotFleetRequestConfigSet><item><spotFleetRequestId>sfr-00000000</spotFleetRequestId>" +
  "<spotFleetRequestState>active</spotFleetRequestState><spotFleetRequestConfig><type>maintain</type><launchSpecifications><item>" +
  `<keyName>rehearsal</keyName></item></launchSpecifications>${TEMPLATE_CONFIGS}</spotFleetRequestConfig></item>` +
  "</spotFleetRequestConfigSet></DescribeSpotFleetRequestsResponse>";
const FLEETS_XML =
  "<DescribeFleetsResponse><fleetSet><item><fleetId>fleet-00000000</fleetId><fleetState>active</fleetState><type>maintain</type>" +
  `${TEMPLATE_CONFIGS}</item></fleetSet></DescribeFleetsResponse>`;
const CONFIGURATIONS_XML =
  "<DescribeLaunchConfigurationsResponse><DescribeLaunchConfigurationsResult><LaunchConfigurations><member>" +
  "<LaunchConfigurationName>rehearsal</LaunchConfigurationName><KeyName>rehearsal</KeyName></member></LaunchConfigurations>" +
  "</DescribeLaunchConfigurationsResult></DescribeLaunchConfigurationsResponse>";
const GROUPS_XML =
  "<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups><member>" +
  "<AutoScalingGroupName>rehearsal</AutoScalingGroupName><LaunchTemplate><LaunchTemplateId>lt-00000000000000000</LaunchTemplateId>" +
  "<Version>1</Version></LaunchTemplate><Instances><member><InstanceId>i-00000000000000000</InstanceId></member></Instances>" +
  "</member></AutoScalingGroups></DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>";

/** answeredInProcess for any client's command (Auto Scaling's outputs type their lists as required). */
const inProcess = <C>(command: C, xml: string): C => answeredInProcess(command as never, xml) as C;

export async function rehearseUsageCheck(enabled = config.PRIME_EC2_ON_INIT): Promise<void> {
  if (!enabled) return;
  const region = config.DEFAULT_REGION;
  try {
    const ec2 = ec2Client(region, "read");
    await ec2.send(inProcess(new DescribeInstancesCommand(USAGE_SCAN_INPUTS.instances), INSTANCES_XML));
    await ec2.send(inProcess(new DescribeLaunchTemplatesCommand(USAGE_SCAN_INPUTS.launchTemplates), TEMPLATES_XML));
    await ec2.send(inProcess(new DescribeLaunchTemplateVersionsCommand(USAGE_SCAN_INPUTS.defaultAndLatestVersions), VERSIONS_XML));
    await ec2.send(inProcess(new DescribeSpotInstanceRequestsCommand(USAGE_SCAN_INPUTS.spotInstanceRequests), SPOT_REQUESTS_XML));
    await ec2.send(inProcess(new DescribeSpotFleetRequestsCommand(USAGE_SCAN_INPUTS.spotFleetRequests), SPOT_FLEETS_XML));
    await ec2.send(inProcess(new DescribeFleetsCommand(USAGE_SCAN_INPUTS.fleets), FLEETS_XML));
    const autoScaling = autoScalingClient(region);
    await autoScaling.send(inProcess(new DescribeLaunchConfigurationsCommand(AUTO_SCALING_PAGE), CONFIGURATIONS_XML));
    await autoScaling.send(inProcess(new DescribeAutoScalingGroupsCommand(AUTO_SCALING_PAGE), GROUPS_XML));
  } catch (error) {
    discardClients(region);
    discardAutoScalingClient(region);
    logger.warn("rehearsing usage checks failed", { region, error: (error as Error).name });
  }
}
