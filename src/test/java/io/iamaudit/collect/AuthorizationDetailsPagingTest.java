package io.iamaudit.collect;

import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.IamRole;
import io.iamaudit.stage.ManagedPolicy;
import io.iamaudit.testsupport.QueryApiStub;
import io.iamaudit.testsupport.QueryApiStub.Reply;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

import java.time.Instant;
import java.util.Map;

import static io.iamaudit.testsupport.IamXml.encoded;
import static io.iamaudit.testsupport.IamXml.response;
import static org.assertj.core.api.Assertions.assertThat;

/** GetAccountAuthorizationDetails across three pages on the wire (moto never truncates, so a stub serves them). */
class AuthorizationDetailsPagingTest {

    private static final String INLINE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::a b+c/*\"}]}";
    private static final String ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String READ_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:Get*\",\"ec2:Describe*\"],\"Resource\":\"*\"}]}";
    private static final String TRUST = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
            + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private static final String PAGE_1 = "<IsTruncated>true</IsTruncated><Marker>page-2</Marker><UserDetailList>"
            + "<member><Path>/</Path><UserName>alice</UserName><UserId>AIDAEXAMPLE1</UserId>"
            + "<Arn>arn:aws:iam::123456789012:user/alice</Arn><CreateDate>2021-03-02T09:00:00Z</CreateDate>"
            + "<UserPolicyList><member><PolicyName>inline-s3-read</PolicyName><PolicyDocument>" + encoded(INLINE)
            + "</PolicyDocument></member></UserPolicyList><GroupList><member>Admins</member></GroupList>"
            + "<AttachedManagedPolicies><member><PolicyName>ReadOnlyAccess</PolicyName>"
            + "<PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn></member></AttachedManagedPolicies>"
            + "<PermissionsBoundary><PermissionsBoundaryType>PermissionsBoundaryPolicy</PermissionsBoundaryType>"
            + "<PermissionsBoundaryArn>arn:aws:iam::123456789012:policy/boundary</PermissionsBoundaryArn>"
            + "</PermissionsBoundary><Tags><member><Key>team</Key><Value>sec</Value></member></Tags></member>"
            + "</UserDetailList><GroupDetailList><member><Path>/</Path><GroupName>Admins</GroupName>"
            + "<GroupId>AGPAEXAMPLE1</GroupId><Arn>arn:aws:iam::123456789012:group/Admins</Arn>"
            + "<CreateDate>2020-01-01T00:00:00Z</CreateDate><GroupPolicyList/><AttachedManagedPolicies><member>"
            + "<PolicyName>AdministratorAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess"
            + "</PolicyArn></member></AttachedManagedPolicies></member></GroupDetailList>";
    private static final String PAGE_2 = "<IsTruncated>true</IsTruncated><Marker>page-3</Marker><RoleDetailList>"
            + "<member><Path>/</Path><RoleName>ci-deployer</RoleName><RoleId>AROAEXAMPLE1</RoleId>"
            + "<Arn>arn:aws:iam::123456789012:role/ci-deployer</Arn><CreateDate>2022-05-10T12:00:00Z</CreateDate>"
            + "<AssumeRolePolicyDocument>" + encoded(TRUST) + "</AssumeRolePolicyDocument><InstanceProfileList/>"
            + "<RolePolicyList/><AttachedManagedPolicies><member><PolicyName>ci-deploy</PolicyName>"
            + "<PolicyArn>arn:aws:iam::123456789012:policy/ci-deploy</PolicyArn></member></AttachedManagedPolicies>"
            + "<Tags/><RoleLastUsed><LastUsedDate>2025-01-15T08:30:00Z</LastUsedDate><Region>us-east-1</Region>"
            + "</RoleLastUsed></member><member><Path>/</Path><RoleName>never-used</RoleName>"
            + "<RoleId>AROAEXAMPLE2</RoleId><Arn>arn:aws:iam::123456789012:role/never-used</Arn>"
            + "<CreateDate>2022-05-10T12:00:00Z</CreateDate><AssumeRolePolicyDocument>" + encoded(TRUST)
            + "</AssumeRolePolicyDocument><RoleLastUsed/></member></RoleDetailList>";
    private static final String PAGE_3 = "<IsTruncated>false</IsTruncated><Policies>"
            + policy("ci-deploy", "arn:aws:iam::123456789012:policy/ci-deploy", "v2",
            version(ADMIN, "v2", true, "2023-02-01T10:00:00Z")
                    + version("{\"Statement\":[]}", "v1", false, "2022-05-10T12:00:00Z"))
            + policy("ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess", "v3",
            version(READ_ONLY, "v3", true, "2024-07-01T00:00:00Z"))
            + "</Policies>";

    @Test
    void followsMarkersAcrossPagesAndKeepsEverything() throws Exception {
        try (QueryApiStub iamStub = new QueryApiStub(form -> new Reply(200, response("GetAccountAuthorizationDetails",
                switch (form.getOrDefault("Marker", "")) {
                    case "" -> PAGE_1;
                    case "page-2" -> PAGE_2;
                    default -> PAGE_3;
                })));
             AwsClientFactory factory = StubClients.factory(iamStub.endpoint(), 2);
             IamClient iam = StubClients.iam(factory, new CallCounter())) {

            AuthorizationDetails details = new AuthorizationDetailsCollector(iam, 2).collect();

            assertThat(iamStub.requests()).hasSize(3);
            Map<String, String> first = iamStub.requests().get(0);
            assertThat(first).containsEntry("MaxItems", "2").doesNotContainKey("Marker");
            assertThat(first).containsValues("User", "Group", "Role", "LocalManagedPolicy", "AWSManagedPolicy");
            assertThat(iamStub.requests().get(2)).containsEntry("Marker", "page-3");

            assertThat(details.users()).singleElement().satisfies(alice -> {
                assertThat(alice.inlinePolicies().get(0).document()).isEqualTo(INLINE);
                assertThat(alice.groups()).containsExactly("Admins");
                assertThat(alice.permissionsBoundaryArn()).isEqualTo("arn:aws:iam::123456789012:policy/boundary");
                assertThat(alice.tags()).containsEntry("team", "sec");
                assertThat(alice.createDate()).isEqualTo(Instant.parse("2021-03-02T09:00:00Z"));
            });
            assertThat(details.group("Admins")).isPresent();
            IamRole deployer = details.roles().get(0);
            assertThat(deployer.trustPolicy()).isEqualTo(TRUST);
            assertThat(deployer.lastUsedDate()).isEqualTo(Instant.parse("2025-01-15T08:30:00Z"));
            assertThat(deployer.lastUsedRegion()).isEqualTo("us-east-1");
            assertThat(details.roles().get(1).lastUsedDate()).as("empty RoleLastUsed: never used").isNull();
            ManagedPolicy custom = details.policy("arn:aws:iam::123456789012:policy/ci-deploy").orElseThrow();
            assertThat(custom.defaultDocument()).isEqualTo(ADMIN);
            assertThat(custom.defaultVersionCreateDate()).isEqualTo(Instant.parse("2023-02-01T10:00:00Z"));
            assertThat(custom.awsManaged()).isFalse();
            ManagedPolicy awsManaged = details.policy("arn:aws:iam::aws:policy/ReadOnlyAccess").orElseThrow();
            assertThat(awsManaged.awsManaged()).isTrue();
            assertThat(awsManaged.defaultDocument()).isEqualTo(READ_ONLY);
        }
    }

    private static String policy(String name, String arn, String defaultVersion, String versions) {
        return "<member><PolicyName>" + name + "</PolicyName><PolicyId>ANPAEXAMPLE</PolicyId><Arn>" + arn
                + "</Arn><Path>/</Path><DefaultVersionId>" + defaultVersion + "</DefaultVersionId>"
                + "<AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable>"
                + "<CreateDate>2022-05-10T12:00:00Z</CreateDate><UpdateDate>2023-02-01T10:00:00Z</UpdateDate>"
                + "<PolicyVersionList>" + versions + "</PolicyVersionList></member>";
    }

    private static String version(String document, String id, boolean isDefault, String created) {
        return "<member><Document>" + encoded(document) + "</Document><VersionId>" + id + "</VersionId>"
                + "<IsDefaultVersion>" + isDefault + "</IsDefaultVersion><CreateDate>" + created + "</CreateDate>"
                + "</member>";
    }
}
