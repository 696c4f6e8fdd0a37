// IAM statements for the key pair functions. A file (not inline YAML) because the managed-key tag
// name is a stage parameter and IAM condition keys embed it: YAML keys cannot hold variables.
module.exports = async ({ resolveVariable }) => {
  const tagKey = await resolveVariable("param:managedTagKey");
  const tagValue = await resolveVariable("param:managedTagValue");
  const allowUnmanagedDelete = (await resolveVariable("param:allowUnmanagedDelete")) === "true";
  const keyPairArn = { "Fn::Sub": "arn:${AWS::Partition}:ec2:*:${AWS::AccountId}:key-pair/*" };
  return [
    // DescribeKeyPairs supports no resource-level permissions: "*" is its only valid resource.
    { Sid: "DescribeKeyPairs", Effect: "Allow", Action: ["ec2:DescribeKeyPairs"], Resource: "*" },
    // Create and import only with the managed-key tag in the same request.
    {
      Sid: "CreateManagedKeyPairs",
      Effect: "Allow",
      Action: ["ec2:CreateKeyPair", "ec2:ImportKeyPair"],
      Resource: keyPairArn,
      Condition: { StringEquals: { [`aws:RequestTag/${tagKey}`]: tagValue } },
    },
    // Tagging only as part of creating or importing a key pair.
    {
      Sid: "TagKeyPairsOnCreate",
      Effect: "Allow",
      Action: ["ec2:CreateTags"],
      Resource: keyPairArn,
      Condition: { StringEquals: { "ec2:CreateAction": ["CreateKeyPair", "ImportKeyPair"] } },
    },
    // Delete only keys that carry the managed-key tag, unless the stage allows unmanaged deletes.
    {
      Sid: "DeleteManagedKeyPairs",
      Effect: "Allow",
      Action: ["ec2:DeleteKeyPair"],
      Resource: keyPairArn,
      ...(allowUnmanagedDelete ? {} : { Condition: { StringEquals: { [`aws:ResourceTag/${tagKey}`]: tagValue } } }),
    },
  ];
};
