from enum import StrEnum


class KeyPairUsageIncompleteItemCheck(StrEnum):
    AUTOSCALINGGROUPS = "autoScalingGroups"
    INSTANCES = "instances"
    LAUNCHCONFIGURATIONS = "launchConfigurations"
    LAUNCHTEMPLATES = "launchTemplates"

    def __str__(self) -> str:
        return str(self.value)
