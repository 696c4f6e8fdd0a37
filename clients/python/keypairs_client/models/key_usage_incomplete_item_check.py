from enum import StrEnum


class KeyUsageIncompleteItemCheck(StrEnum):
    AUTOSCALINGGROUPS = "autoScalingGroups"
    FLEETS = "fleets"
    INSTANCES = "instances"
    LAUNCHCONFIGURATIONS = "launchConfigurations"
    LAUNCHTEMPLATES = "launchTemplates"
    SPOTFLEETREQUESTS = "spotFleetRequests"
    SPOTINSTANCEREQUESTS = "spotInstanceRequests"

    def __str__(self) -> str:
        return str(self.value)
