from enum import StrEnum


class KeyUsageIncompleteItemCheck(StrEnum):
    AUTOSCALINGGROUPS = "autoScalingGroups"
    INSTANCES = "instances"
    LAUNCHCONFIGURATIONS = "launchConfigurations"
    LAUNCHTEMPLATES = "launchTemplates"

    def __str__(self) -> str:
        return str(self.value)
