package io.iamaudit.analyze.rules;

import io.iamaudit.analyze.AnalysisContext;
import io.iamaudit.analyze.BaseRule;
import io.iamaudit.analyze.Evidence;
import io.iamaudit.analyze.Violation;
import io.iamaudit.stage.AccountSnapshot;
import io.iamaudit.stage.Severity;

import java.util.List;
import java.util.Set;

import static io.iamaudit.analyze.DataSet.AUTHORIZATION;
import static io.iamaudit.analyze.RuleMetadata.rule;

/**
 * Service roles whose trust lets an AWS service assume them without {@code aws:SourceAccount},
 * {@code aws:SourceArn} or {@code aws:SourceOrgID}: the service acting for another customer could be steered into
 * using the role (cross-service confused deputy, AWS IAM User Guide "The confused deputy problem"; Prowler
 * iam_role_cross_service_confused_deputy_prevention).
 */
public final class TrustServiceConfusedDeputyRule extends BaseRule {
    private static final Set<String> SOURCE_KEYS = Set.of("aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid",
            "aws:sourceorgpaths");

    /**
     * Services that run as a role handed to them with iam:PassRole in the caller's own account (instance profiles,
     * execution and task roles): AWS documents no source context for them, so the condition cannot be set and
     * Prowler's check is known to misfire on them (prowler-cloud/prowler#2810).
     */
    static final Set<String> PASSED_ROLE_SERVICES = Set.of("ec2.amazonaws.com", "lambda.amazonaws.com",
            "edgelambda.amazonaws.com", "ecs-tasks.amazonaws.com", "eks.amazonaws.com",
            "eks-fargate-pods.amazonaws.com", "pods.eks.amazonaws.com", "tasks.apprunner.amazonaws.com",
            "build.apprunner.amazonaws.com");

    public TrustServiceConfusedDeputyRule() {
        super(rule("IAM.ROLE.TRUST_SERVICE_CONFUSED_DEPUTY", "Service roles restrict the source account",
                Severity.MEDIUM)
                .wellArchitected("SEC03-BP07")
                .rationale("A service principal in a trust policy trusts that service for every customer; the "
                        + "source keys make sure it only acts for your account or resources.")
                .remediation("Add Condition StringEquals aws:SourceAccount = your account id (or ArnLike "
                        + "aws:SourceArn = the resource that uses the role).")
                .needs(AUTHORIZATION).build());
    }

    @Override
    protected List<Violation> check(AccountSnapshot s, AnalysisContext ctx) {
        return Evidence.auth(s).roles().stream().filter(r -> !r.serviceLinked())
                .flatMap(r -> TrustPolicies.allowStatements(r).stream()
                        .filter(st -> st.coversAction("sts:AssumeRole"))
                        .filter(st -> !TrustPolicies.conditionUses(st, SOURCE_KEYS))
                        .flatMap(st -> TrustPolicies.servicePrincipals(st).stream())
                        .filter(svc -> !PASSED_ROLE_SERVICES.contains(svc)).distinct()
                        .map(svc -> Violation.of("Role", r.roleName(), r.arn(), "trusts service " + svc
                                + " without aws:SourceAccount or aws:SourceArn").withSubject(svc)))
                .toList();
    }
}
