package io.iamaudit.analyze.leastprivilege;

import io.iamaudit.analyze.leastprivilege.PolicyRewriterGoldenTest.GoldenCase;

import static io.iamaudit.analyze.leastprivilege.PolicyRewriterGoldenTest.act;
import static io.iamaudit.analyze.leastprivilege.PolicyRewriterGoldenTest.never;
import static io.iamaudit.analyze.leastprivilege.PolicyRewriterGoldenTest.report;
import static io.iamaudit.analyze.leastprivilege.PolicyRewriterGoldenTest.used;

/** The golden inputs: typical policies and believable usage histories. */
final class GoldenCases {
    private GoldenCases() {
    }

    static GoldenCase get(String name) {
        return switch (name) {
            case "aws-ReadOnlyAccess" -> aws("ReadOnlyAccess", policy -> report(policy,
                    used("s3", 2, act("ListAllMyBuckets", 2), act("GetBucketPolicy", null), act("GetBucketAcl", 200)),
                    used("ec2", 1), used("cloudwatch", 5), used("logs", 30)));
            case "aws-PowerUserAccess" -> aws("PowerUserAccess", policy -> report(policy,
                    used("s3", 1), used("lambda", 3), used("dynamodb", 10), never("ec2"), never("iam")));
            case "aws-AmazonS3FullAccess" -> aws("AmazonS3FullAccess", policy -> report(policy,
                    used("s3", 1, act("ListAllMyBuckets", 1), act("CreateBucket", null), act("DeleteBucket", null),
                            act("PutBucketPolicy", 400), act("GetBucketLocation", 4))));
            case "customer-ci-deployer" -> customer("""
                    {"Version":"2012-10-17","Statement":[
                     {"Sid":"Stacks","Effect":"Allow","Action":["cloudformation:*"],"Resource":"*"},
                     {"Sid":"Artifacts","Effect":"Allow","Action":["s3:PutObject","s3:GetObject","s3:DeleteObject"],
                      "Resource":"arn:aws:s3:::ci-artifacts/*",
                      "Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}},
                     {"Sid":"PassExecRole","Effect":"Allow","Action":"iam:PassRole",
                      "Resource":"arn:aws:iam::111111111111:role/cfn-exec"},
                     {"Sid":"Functions","Effect":"Allow","Action":["lambda:UpdateFunctionCode","lambda:Get*"],"Resource":"*"},
                     {"Sid":"NOREPOBreakGlassSupport","Effect":"Allow","Action":"support:*","Resource":"*"},
                     {"Sid":"NoProdDelete","Effect":"Deny","Action":["cloudformation:DeleteStack"],
                      "Resource":"arn:aws:cloudformation:*:*:stack/prod-*"}]}""",
                    policy -> report(policy, used("cloudformation", 1), used("s3", 1), never("lambda"),
                            never("support"), never("iam")));
            case "customer-admin-star" -> customer("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""",
                    policy -> report(policy, used("ec2", 3), used("ssm", 7), used("kms", 40), never("iam"),
                            never("s3"), used("rds", 150)));
            case "customer-data-reader" -> customer("""
                    {"Version":"2012-10-17","Statement":[
                     {"Effect":"Allow","Action":["s3:Get*","s3:List*","athena:*","glue:Get*"],"Resource":"*"},
                     {"Effect":"Allow","NotAction":["iam:*","kms:*"],"Resource":"*",
                      "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}""",
                    policy -> report(policy, used("s3", 2, act("ListAllMyBuckets", 2), act("GetBucketPolicy", 300)),
                            used("athena", 5), never("glue"), never("iam"), never("kms")));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static GoldenCase aws(String name, java.util.function.Function<String, io.iamaudit.stage.PrincipalLastAccessed> usage) {
        String policy = AwsManagedPolicies.document(name);
        return new GoldenCase(policy, usage.apply(policy));
    }

    private static GoldenCase customer(String policy,
                                       java.util.function.Function<String, io.iamaudit.stage.PrincipalLastAccessed> usage) {
        return new GoldenCase(policy, usage.apply(policy));
    }
}
