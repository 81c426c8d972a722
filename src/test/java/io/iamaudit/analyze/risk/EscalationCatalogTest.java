package io.iamaudit.analyze.risk;

import io.iamaudit.policy.ActionCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationCatalogTest {

    /** PRIVILEGE_ESCALATION_METHODS of cloudsplaining/shared/constants.py at tag 0.9.1 (59 methods). */
    static final Set<String> CLOUDSPLAINING_0_9_1 = Set.of("CreateAccessKey", "CreateLoginProfile",
            "UpdateLoginProfile", "AddUserToGroup", "CreateNewPolicyVersion", "SetExistingDefaultPolicyVersion",
            "AttachUserPolicy", "AttachGroupPolicy", "AttachRolePolicy", "PutUserPolicy", "PutGroupPolicy",
            "PutRolePolicy", "UpdateRolePolicyToAssumeIt", "CreateEC2WithExistingIP",
            "PassExistingRoleToNewLambdaThenInvoke", "PassExistingRoleToNewLambdaThenTriggerWithNewDynamo",
            "PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo", "PassExistingRoleToNewGlueDevEndpoint",
            "PassExistingRoleToCloudFormation", "PassExistingRoleToNewDataPipeline", "UpdateExistingGlueDevEndpoint",
            "EditExistingLambdaFunctionWithRole", "AccessExistingBedrockCodeInterpreterSession",
            "ExecuteCloudFormationChangeSet", "ModifyEC2InstanceUserDataThenRestart", "ModifyExistingEC2LaunchTemplate",
            "EC2InstanceConnectSendSSHPublicKey", "ECSExecuteCommandOnRunningTask", "UpdateAndInvokeLambdaFunction",
            "UpdateLambdaFunctionAndAddPermission", "CreatePresignedSageMakerNotebookUrl",
            "UpdateSageMakerNotebookLifecycleConfig", "PassExistingRoleToNewAppRunnerService",
            "PassExistingRoleToNewBedrockCodeInterpreter", "PassExistingRoleToNewCloudFormationStackSet",
            "PassRoleToUpdateCloudFormationStackSet", "PassExistingRoleToNewCodeBuildProjectThenBuild",
            "PassExistingRoleToNewCodeBuildProjectThenBuildBatch", "PassExistingRoleToNewEC2SpotInstance",
            "PassExistingRoleToNewECSClusterServiceTask", "PassExistingRoleToNewECSClusterRunTask",
            "PassExistingRoleToNewECSService", "PassExistingRoleToNewECSTaskViaRunTask",
            "PassExistingRoleToNewECSTaskViaStartTask", "PassExistingRoleToNewGlueJobThenRun",
            "PassExistingRoleToNewGlueJobViaTrigger", "PassExistingRoleToUpdatedGlueJobThenRun",
            "PassExistingRoleToUpdatedGlueJobViaTrigger", "PassExistingRoleToNewLambdaThenAddPermission",
            "PassExistingRoleToNewSageMakerNotebookInstance", "PassExistingRoleToNewSageMakerTrainingJob",
            "PassExistingRoleToNewSageMakerProcessingJob", "CreateAndRotateAccessKey",
            "AttachUserPolicyThenCreateAccessKey", "CreatePolicyVersionThenAssumeRole",
            "PutUserPolicyThenCreateAccessKey", "AttachRolePolicyThenUpdateAssumeRolePolicy",
            "CreatePolicyVersionThenUpdateAssumeRolePolicy", "PutRolePolicyThenUpdateAssumeRolePolicy");

    /** IAM actions that are not API operations, so botocore's models (the action catalog's source) lack them. */
    static final Set<String> PERMISSION_ONLY = Set.of("lambda:invokefunction");

    private final List<EscalationPath> paths = EscalationCatalog.bundled().paths();

    @Test
    void coversCloudsplainingRhinoAndBishopFox() {
        Set<String> ids = paths.stream().map(EscalationPath::id).collect(Collectors.toSet());
        assertThat(CLOUDSPLAINING_0_9_1).hasSize(59);
        assertThat(ids).containsAll(CLOUDSPLAINING_0_9_1);
        assertThat(paths).filteredOn(p -> p.sources().contains("rhino")).extracting(EscalationPath::id).hasSize(21);
        // iam-vulnerable's paths beyond the other two lists
        assertThat(ids).contains("SSMSendCommandToInstance", "SSMStartSessionOnInstance",
                "UpdateExistingCloudFormationStack", "EC2SerialConsoleSendSSHPublicKey", "AssumeAnyRole");
        assertThat(paths).hasSize(64);
    }

    @Test
    void everyActionIsAnIamActionTheActionModelKnows() {
        ActionCatalog actions = ActionCatalog.bundled();
        paths.forEach(p -> p.actions().forEach(a -> {
            String service = a.substring(0, a.indexOf(':'));
            boolean known = actions.actionsOf(service).stream().anyMatch(k -> k.equalsIgnoreCase(a));
            assertThat(known || PERMISSION_ONLY.contains(a.toLowerCase(Locale.ROOT)))
                    .as("%s of %s", a, p.id()).isTrue();
        }));
    }

    @Test
    void aBrokenCatalogFailsAtLoad() {
        EscalationPath good = paths.get(0);
        EscalationPath typo = new EscalationPath("Typo", List.of("iam CreateAccessKey"), "r", "d", false,
                List.of("rhino"), "https://example.com");
        EscalationPath unknownSource = new EscalationPath("Other", good.actions(), "r", "d", false,
                List.of("blog"), "https://example.com");
        assertThatThrownBy(() -> new EscalationCatalog(List.of(good, good)))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new EscalationCatalog(List.of(typo))).hasMessageContaining("service:Action");
        assertThatThrownBy(() -> new EscalationCatalog(List.of(unknownSource))).hasMessageContaining("sources");
    }
}
