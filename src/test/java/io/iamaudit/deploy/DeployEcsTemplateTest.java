package io.iamaudit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.iamaudit.deploy.DeployPolicies.BUCKET;
import static io.iamaudit.deploy.DeployPolicies.KMS_KEY;
import static io.iamaudit.deploy.DeployPolicies.RUNNER_ARN;
import static io.iamaudit.deploy.DeployPolicies.template;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ecs-scheduled-task.yaml, rendered for sample parameters: a nightly EventBridge Scheduler schedule that runs the
 * Fargate task as the runner role, JSON logs to CloudWatch Logs, and the ExternalId only from a secret store.
 */
class DeployEcsTemplateTest {

    static final String SSM_PARAMETER = "arn:aws:ssm:us-east-1:111111111111:parameter/iam-audit/external-id";
    static final String SECRET = "arn:aws:secretsmanager:us-east-1:111111111111:secret:iam-audit/external-id-AbCdEf";
    static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:111111111111:cluster/audit";

    static CfnTemplate.Rendered render(Map<String, String> overrides) {
        Map<String, String> params = new HashMap<>(Map.of(
                "ClusterName", "audit",
                "Subnets", "subnet-0a1b2c3d4e5f60718,subnet-0f1e2d3c4b5a69788",
                "SecurityGroup", "sg-0123456789abcdef0",
                "Image", "111111111111.dkr.ecr.us-east-1.amazonaws.com/iam-audit:0.1.0",
                "RunnerRoleArn", RUNNER_ARN,
                "ReportBucket", BUCKET,
                "ExternalIdSecretArn", SSM_PARAMETER));
        params.putAll(overrides);
        return template("ecs-scheduled-task.yaml").render(params);
    }

    static JsonNode container(CfnTemplate.Rendered stack) {
        JsonNode containers = stack.resource("TaskDefinition").path("Properties").path("ContainerDefinitions");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("Environment").forEach(e -> env.put(e.path("Name").asText(), e.path("Value").asText()));
        return env;
    }

    @Test
    void aNightlySchedulerScheduleRunsTheTaskOnFargate() {
        // when
        JsonNode schedule = render(Map.of()).resource("NightlySchedule").path("Properties");

        // then
        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(schedule.path("State").asText()).isEqualTo("ENABLED");
        assertThat(schedule.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("OFF");
        JsonNode target = schedule.path("Target");
        assertThat(target.path("Arn").asText()).isEqualTo(CLUSTER_ARN);
        assertThat(target.path("RoleArn").asText()).isEqualTo("<SchedulerRole.Arn>");
        JsonNode ecs = target.path("EcsParameters");
        assertThat(ecs.path("TaskDefinitionArn").asText()).isEqualTo("<TaskDefinition>");
        assertThat(ecs.path("LaunchType").asText()).isEqualTo("FARGATE");
        assertThat(ecs.path("TaskCount").asInt()).isEqualTo(1);
        JsonNode network = ecs.path("NetworkConfiguration").path("AwsvpcConfiguration");
        assertThat(network.path("Subnets")).extracting(JsonNode::asText)
                .containsExactly("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788");
        assertThat(network.path("SecurityGroups")).extracting(JsonNode::asText).containsExactly("sg-0123456789abcdef0");
        assertThat(network.path("AssignPublicIp").asText()).isEqualTo("DISABLED");
    }

    @Test
    void theTaskRunsAsTheRunnerRoleSizedForAThousandAccounts() {
        // when
        JsonNode task = render(Map.of()).resource("TaskDefinition").path("Properties");

        // then
        assertThat(task.path("RequiresCompatibilities")).extracting(JsonNode::asText).containsExactly("FARGATE");
        assertThat(task.path("NetworkMode").asText()).isEqualTo("awsvpc");
        assertThat(task.path("TaskRoleArn").asText()).isEqualTo(RUNNER_ARN);
        assertThat(task.path("ExecutionRoleArn").asText()).isEqualTo("<ExecutionRole.Arn>");
        assertThat(Integer.parseInt(task.path("Cpu").asText())).isGreaterThanOrEqualTo(2048);
        assertThat(Integer.parseInt(task.path("Memory").asText())).isGreaterThanOrEqualTo(8192);
        assertThat(task.path("EphemeralStorage").path("SizeInGiB").asInt()).isGreaterThan(20);
    }

    @Test
    void theContainerLogsJsonToCloudWatchAndGetsItsSettingsFromTheEnvironment() {
        // when
        CfnTemplate.Rendered stack = render(Map.of());
        JsonNode container = container(stack);
        Map<String, String> env = environment(container);

        // then
        assertThat(env).containsEntry("IAM_AUDIT_LOG_FORMAT", "json")
                .containsEntry("IAM_AUDIT_OUTPUT", "s3://" + BUCKET + "/iam-audit")
                .containsEntry("IAM_AUDIT_ROLE_NAME", "IamAuditRole")
                .doesNotContainKeys("IAM_AUDIT_EXTERNAL_ID", "IAM_AUDIT_KMS_KEY_ID");
        assertThat(container.path("Command")).extracting(JsonNode::asText).containsExactly("org-audit");
        JsonNode logs = container.path("LogConfiguration");
        assertThat(logs.path("LogDriver").asText()).isEqualTo("awslogs");
        assertThat(logs.path("Options").path("awslogs-group").asText()).isEqualTo("<LogGroup>");
        assertThat(logs.path("Options").path("awslogs-region").asText()).isEqualTo(CfnTemplate.REGION);
        assertThat(stack.resource("LogGroup").path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
        assertThat(stack.resource("LogGroup").path("Properties").path("RetentionInDays").asInt()).isPositive();
    }

    @Test
    void theExternalIdComesFromTheSecretStoreThatTheExecutionRoleMayRead() {
        for (String source : List.of(SSM_PARAMETER, SECRET)) {
            // when
            CfnTemplate.Rendered stack = render(Map.of("ExternalIdSecretArn", source));

            // then
            JsonNode secrets = container(stack).path("Secrets");
            assertThat(secrets).hasSize(1);
            assertThat(secrets.get(0).path("Name").asText()).isEqualTo("IAM_AUDIT_EXTERNAL_ID");
            assertThat(secrets.get(0).path("ValueFrom").asText()).isEqualTo(source);
            JsonNode statement = stack.resource("ExecutionRole").path("Properties").path("Policies").get(0)
                    .path("PolicyDocument").path("Statement").get(0);
            assertThat(statement.path("Action").asText())
                    .isEqualTo(source.contains(":ssm:") ? "ssm:GetParameters" : "secretsmanager:GetSecretValue");
            assertThat(statement.path("Resource").asText()).isEqualTo(source);
        }
    }

    @Test
    void theKmsKeyReachesTheContainerOnlyWhenGiven() {
        // when
        Map<String, String> env = environment(container(render(Map.of("ReportKmsKeyArn", KMS_KEY))));

        // then
        assertThat(env).containsEntry("IAM_AUDIT_KMS_KEY_ID", KMS_KEY);
    }

    @Test
    void anExternalPostgresJobRepositoryIsWiredOnlyWhenAJdbcUrlIsGiven() {
        // given
        String url = "jdbc:postgresql://iam-audit.cluster-x.us-east-1.rds.amazonaws.com:5432/iam_audit?sslmode=require";
        String dbSecret = "arn:aws:secretsmanager:us-east-1:111111111111:secret:rds!db-1234-AbCdEf";

        // when
        CfnTemplate.Rendered withDb = render(Map.of("DatabaseJdbcUrl", url, "DatabaseSecretArn", dbSecret));
        CfnTemplate.Rendered withoutDb = render(Map.of());

        // then
        assertThat(environment(container(withDb))).containsEntry("SPRING_DATASOURCE_URL", url)
                .containsEntry("SPRING_BATCH_JDBC_INITIALIZE_SCHEMA", "always");
        Map<String, String> secrets = new HashMap<>();
        container(withDb).path("Secrets").forEach(s -> secrets.put(s.path("Name").asText(), s.path("ValueFrom").asText()));
        assertThat(secrets).containsEntry("SPRING_DATASOURCE_USERNAME", dbSecret + ":username::")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", dbSecret + ":password::");
        assertThat(withDb.resource("ExecutionRole").path("Properties").path("Policies").get(0).path("PolicyDocument")
                .path("Statement")).anyMatch(st -> st.path("Action").asText().equals("secretsmanager:GetSecretValue")
                        && st.path("Resource").asText().equals(dbSecret));
        assertThat(environment(container(withoutDb))).doesNotContainKeys("SPRING_DATASOURCE_URL",
                "SPRING_BATCH_JDBC_INITIALIZE_SCHEMA");
        assertThat(container(withoutDb).path("Secrets")).hasSize(1);
        assertThat(withoutDb.resource("ExecutionRole").path("Properties").path("Policies").get(0)
                .path("PolicyDocument").path("Statement")).hasSize(1);
    }

    @Test
    void theSchedulerMayStartOnlyThisTaskAndPassOnlyItsTwoRolesToEcs() {
        // when
        JsonNode statements = render(Map.of()).resource("SchedulerRole").path("Properties").path("Policies").get(0)
                .path("PolicyDocument").path("Statement");

        // then
        assertThat(statements).hasSize(2);
        JsonNode runTask = statements.get(0);
        assertThat(runTask.path("Action").asText()).isEqualTo("ecs:RunTask");
        assertThat(runTask.path("Resource")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("<TaskDefinition>", "<QuarterlyTaskDefinition>");
        assertThat(runTask.path("Condition").path("ArnEquals").path("ecs:cluster").asText()).isEqualTo(CLUSTER_ARN);
        JsonNode passRole = statements.get(1);
        assertThat(passRole.path("Action").asText()).isEqualTo("iam:PassRole");
        assertThat(passRole.path("Resource")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(RUNNER_ARN, "<ExecutionRole.Arn>");
        assertThat(passRole.path("Condition").path("StringEquals").path("iam:PassedToService").asText())
                .isEqualTo("ecs-tasks.amazonaws.com");
    }

    @Test
    void theQuarterlyReportIsScheduledAsATaskOfItsOwnThatLogsToItsOwnGroup() {
        // when
        CfnTemplate.Rendered stack = render(Map.of("ReportKmsKeyArn", KMS_KEY));

        // then
        assertThat(stack.resourcesOfType("AWS::Scheduler::Schedule")).hasSize(2);
        JsonNode schedule = stack.resource("QuarterlySchedule").path("Properties");
        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("cron(0 6 1 1,4,7,10 ? *)");
        assertThat(schedule.path("Target").path("EcsParameters").path("TaskDefinitionArn").asText())
                .isEqualTo("<QuarterlyTaskDefinition>");
        JsonNode container = stack.resource("QuarterlyTaskDefinition").path("Properties")
                .path("ContainerDefinitions").get(0);
        assertThat(container.path("Command")).extracting(JsonNode::asText).containsExactly("quarterly-report");
        assertThat(environment(container)).containsEntry("IAM_AUDIT_LOG_FORMAT", "json")
                .containsEntry("IAM_AUDIT_OUTPUT", "s3://" + BUCKET + "/iam-audit")
                .containsEntry("IAM_AUDIT_KMS_KEY_ID", KMS_KEY);
        assertThat(container.path("LogConfiguration").path("Options").path("awslogs-group").asText())
                .isEqualTo("<QuarterlyLogGroup>");
        assertThat(stack.resource("QuarterlyLogGroup").path("Properties").path("LogGroupName").asText())
                .isEqualTo("/iam-audit/quarterly-report");
        assertThat(stack.resource("LogGroup").path("Properties").path("LogGroupName").asText())
                .isEqualTo("/iam-audit/org-audit");
    }
}
