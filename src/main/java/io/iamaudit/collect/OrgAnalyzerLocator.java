package io.iamaudit.collect;

import io.iamaudit.stage.AccessAnalyzerState.Analyzer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.Type;
import software.amazon.awssdk.services.organizations.model.DelegatedAdministrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the organization's Access Analyzer analyzers once per run: the delegated administrator for
 * {@code access-analyzer.amazonaws.com} if there is one, else the management account, then its ORGANIZATION and
 * ORGANIZATION_UNUSED_ACCESS analyzers. Per-account collection then only reads findings.
 */
public final class OrgAnalyzerLocator {

    public static final String SERVICE_PRINCIPAL = "access-analyzer.amazonaws.com";

    /**
     * @param management  a session in the management account
     * @param openSession opens a session into another account of the organization (the delegated administrator)
     */
    public OrgAnalyzers locate(AccountSession management, Function<String, AccountSession> openSession) {
        String owner = management.accountId();
        String note = "";
        try {
            Optional<String> delegated = delegatedAdministrator(management);
            if (delegated.isPresent()) {
                owner = delegated.get();
            }
        } catch (SdkException e) {
            note = "ListDelegatedAdministrators failed (" + AwsErrors.describe(e) + "), looked in the management"
                    + " account only; ";
        }
        AccountSession ownerSession = owner.equals(management.accountId()) ? management : null;
        try {
            if (ownerSession == null) {
                ownerSession = openSession.apply(owner);
            }
            List<Analyzer> analyzers = organizationAnalyzers(ownerSession.clients().accessAnalyzer(), owner);
            boolean opened = ownerSession != management;
            if (analyzers.isEmpty()) {
                if (opened) {
                    ownerSession.close();
                }
                return OrgAnalyzers.none(note + "no organization analyzer in account " + owner);
            }
            return new OrgAnalyzers(owner, analyzers, ownerSession, note.isEmpty() ? null : note, opened);
        } catch (RuntimeException e) {
            if (ownerSession != null && ownerSession != management) {
                ownerSession.close();
            }
            return OrgAnalyzers.none(note + "organization analyzers of account " + owner + " unreadable: "
                    + AwsErrors.describe(e));
        }
    }

    private static Optional<String> delegatedAdministrator(AccountSession management) {
        return management.clients().organizations()
                .listDelegatedAdministratorsPaginator(r -> r.servicePrincipal(SERVICE_PRINCIPAL))
                .delegatedAdministrators().stream()
                .filter(OrgAnalyzerLocator::active)
                .map(DelegatedAdministrator::id)
                .findFirst();
    }

    private static boolean active(DelegatedAdministrator admin) {
        String state = admin.stateAsString() != null ? admin.stateAsString() : admin.statusAsString();
        return state == null || "ACTIVE".equals(state);
    }

    static List<Analyzer> organizationAnalyzers(AccessAnalyzerClient client, String owner) {
        List<Analyzer> analyzers = new ArrayList<>();
        analyzers.addAll(AccessAnalyzerCollector.analyzers(client, Type.ORGANIZATION, owner));
        analyzers.addAll(AccessAnalyzerCollector.analyzers(client, Type.ORGANIZATION_UNUSED_ACCESS, owner));
        return analyzers;
    }
}
