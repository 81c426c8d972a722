package io.iamaudit.collect;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * jobs/scenarios/fidelity.yaml, built through the AWS APIs (here in moto): the same organization, users, groups,
 * roles, policies and providers the sandbox serves from the scenario file.
 */
final class FidelityWorld {

    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String READ_REPORTS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}""";
    private static final String DEPLOY_V1 = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:*","Resource":"*"}]}""";
    private static final String DEPLOY_V2 = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["lambda:CreateFunction","lambda:UpdateFunctionCode","iam:PassRole"],"Resource":"*"},{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::deploy-artifacts/*"}]}""";
    private static final String LAMBDA_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private FidelityWorld() {
    }

    static void buildInMoto(IamClient iam, OrganizationsClient organizations) {
        iam.updateAccountPasswordPolicy(p -> p.minimumPasswordLength(14).requireSymbols(true).requireNumbers(true)
                .requireUppercaseCharacters(true).requireLowercaseCharacters(true).maxPasswordAge(90)
                .passwordReusePrevention(24).allowUsersToChangePassword(false).hardExpiry(false));

        iam.createGroup(g -> g.groupName("Admins"));
        iam.attachGroupPolicy(a -> a.groupName("Admins").policyArn(ADMIN));

        String deployPolicy = iam.createPolicy(p -> p.policyName("deploy-policy").policyDocument(DEPLOY_V1)
                .description("Lets the pipeline deploy functions")).policy().arn();
        iam.createPolicyVersion(v -> v.policyArn(deployPolicy).policyDocument(DEPLOY_V2).setAsDefault(true));

        iam.createUser(u -> u.userName("alice").tags(t -> t.key("team").value("platform")));
        iam.addUserToGroup(a -> a.groupName("Admins").userName("alice"));
        iam.createLoginProfile(l -> l.userName("alice").password("Correct-Horse-9-Battery"));
        String mfa = iam.createVirtualMFADevice(m -> m.virtualMFADeviceName("alice")).virtualMFADevice().serialNumber();
        iam.enableMFADevice(m -> m.userName("alice").serialNumber(mfa).authenticationCode1("123456")
                .authenticationCode2("654321"));
        iam.createAccessKey(k -> k.userName("alice"));
        iam.putUserPolicy(p -> p.userName("alice").policyName("read-reports").policyDocument(READ_REPORTS));

        iam.createUser(u -> u.userName("ci-bot").path("/ci/"));
        iam.createAccessKey(k -> k.userName("ci-bot"));
        String second = iam.createAccessKey(k -> k.userName("ci-bot")).accessKey().accessKeyId();
        iam.updateAccessKey(k -> k.userName("ci-bot").accessKeyId(second).status(StatusType.INACTIVE));
        iam.attachUserPolicy(a -> a.userName("ci-bot").policyArn(deployPolicy));

        iam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(LAMBDA_TRUST)
                .description("Deploys the application"));
        iam.attachRolePolicy(a -> a.roleName("deployer").policyArn(deployPolicy));

        iam.createSAMLProvider(s -> s.name("CorpIdP").samlMetadataDocument("<md:EntityDescriptor "
                + "xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://idp.example.com\">"
                + "x".repeat(1000) + "</md:EntityDescriptor>"));

        buildOrganization(organizations);
    }

    private static void buildOrganization(OrganizationsClient organizations) {
        organizations.createOrganization(o -> o.featureSet(OrganizationFeatureSet.ALL));
        String root = organizations.listRoots().roots().get(0).id();
        String workloads = organizations.createOrganizationalUnit(o -> o.parentId(root).name("Workloads"))
                .organizationalUnit().id();
        String member = organizations.createAccount(a -> a.accountName("fidelity-member")
                .email("fidelity-member@example.com")).createAccountStatus().accountId();
        organizations.moveAccount(m -> m.accountId(member).sourceParentId(root).destinationParentId(workloads));
        organizations.tagResource(t -> t.resourceId(member).tags(Tag.builder().key("env").value("prod").build()));
        String management = organizations.describeOrganization().organization().masterAccountId();
        organizations.tagResource(t -> t.resourceId(management)
                .tags(Tag.builder().key("env").value("management").build()));
    }
}
