package io.iamaudit.analyze.rules;

import java.util.List;

/**
 * The published IAM privilege-escalation combinations (Rhino Security Labs, "AWS IAM Privilege Escalation –
 * Methods and Mitigation"): each list is a set of actions that together let a principal raise its own privileges.
 */
final class EscalationPaths {
    private EscalationPaths() {
    }

    static final List<List<String>> ALL = List.of(
            List.of("iam:CreatePolicyVersion"),
            List.of("iam:SetDefaultPolicyVersion"),
            List.of("iam:CreateAccessKey"),
            List.of("iam:CreateLoginProfile"),
            List.of("iam:UpdateLoginProfile"),
            List.of("iam:AttachUserPolicy"),
            List.of("iam:AttachGroupPolicy"),
            List.of("iam:AttachRolePolicy", "sts:AssumeRole"),
            List.of("iam:PutUserPolicy"),
            List.of("iam:PutGroupPolicy"),
            List.of("iam:PutRolePolicy", "sts:AssumeRole"),
            List.of("iam:AddUserToGroup"),
            List.of("iam:UpdateAssumeRolePolicy", "sts:AssumeRole"),
            List.of("iam:PassRole", "ec2:RunInstances"),
            List.of("iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"),
            List.of("iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"),
            List.of("lambda:UpdateFunctionCode"),
            List.of("iam:PassRole", "glue:CreateDevEndpoint"),
            List.of("glue:UpdateDevEndpoint"),
            List.of("iam:PassRole", "cloudformation:CreateStack"),
            List.of("iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"));
}
