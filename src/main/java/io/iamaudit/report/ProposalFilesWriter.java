package io.iamaudit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.analyze.leastprivilege.PolicySizes;
import io.iamaudit.analyze.leastprivilege.ProposalSplitter;
import io.iamaudit.json.Mappers;
import io.iamaudit.stage.AuthorizationDetails;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;
import io.iamaudit.stage.ManagedPolicy;
import io.iamaudit.stage.ReportSnapshot;
import io.iamaudit.stage.StagingRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Per proposal that changes something, what a reviewer applies: under
 * {@code least-privilege/<account>/<role|user>/<principal>/} the proposed document pretty-printed ({@code <policy>.json}, the
 * document only), the original beside it ({@code <policy>.original.json}), the managed policies of a split proposal
 * ({@code <policy>-part-N.json}) and a short apply-and-roll-back note ({@code <policy>.apply.txt}). Every file goes
 * into the manifest with its SHA-256 like the csv files.
 */
public final class ProposalFilesWriter {
    /** The folder under the run folder. */
    public static final String FOLDER = "least-privilege";

    private static final ObjectMapper JSON = Mappers.pretty();

    /** The account last looked up: recommendations come in account order, so one account is held at a time. */
    private String authorizationAccount;
    private Optional<AuthorizationDetails> authorization = Optional.empty();
    private Path lastFolder;

    public List<ReportFile> write(StagingRepository repository, String runId, Path folder) {
        List<ReportFile> out = new ArrayList<>();
        try (Stream<LeastPrivilegeRecommendation> recs = repository.recommendations(runId)) {
            recs.forEach(r -> out.addAll(write(r, repository, runId, folder)));
        }
        return out;
    }

    /**
     * The files of one recommendation's changed proposals. Called for each of a run's recommendations in the store's
     * order, this writes what {@link #write(StagingRepository, String, Path)} writes: the csv writer feeds it the
     * recommendations it reads for the Least privilege table, so they are not read and parsed a second time.
     */
    public List<ReportFile> write(LeastPrivilegeRecommendation r, StagingRepository repository, String runId,
                                  Path folder) {
        List<ReportFile> out = new ArrayList<>();
        r.proposals().stream().filter(ProposalFilesWriter::changes)
                .forEach(p -> out.addAll(write(r, p, repository, runId, folder)));
        return out;
    }

    /** The relative path of a proposal's files, without extension: what the workbook points to. */
    public static String base(LeastPrivilegeRecommendation r, PolicyProposal p) {
        // role/ or user/ as in the ARN: a user and a role may share a name
        return FOLDER + "/" + r.accountId() + "/" + safe(r.principalType()).toLowerCase(java.util.Locale.ROOT) + "/"
                + safe(r.principalName()) + "/" + safe(p.policyName());
    }

    static boolean changes(PolicyProposal p) {
        return !p.removed().isEmpty() || p.proposedDocument() == null;
    }

    private List<ReportFile> write(LeastPrivilegeRecommendation r, PolicyProposal p, StagingRepository repository,
                                   String runId, Path folder) {
        String base = base(r, p);
        String fileBase = safe(p.policyName());
        List<ReportFile> files = new ArrayList<>();
        files.add(file(folder, base + ".original.json", pretty(p.originalDocument())));
        List<String> partNames = new ArrayList<>();
        if (p.proposedDocument() != null) {
            JsonNode proposed = parse(p.proposedDocument());
            files.add(file(folder, base + ".json", proposed == null ? p.proposedDocument() : write(proposed)));
            if (proposed instanceof ObjectNode doc && PolicySizes.size(doc) > PolicySizes.MANAGED) {
                for (ProposalSplitter.Part part : ProposalSplitter.split(fileBase, doc, PolicySizes.MANAGED)) {
                    partNames.add(part.name());
                    files.add(file(folder, parent(base) + part.name() + ".json", write(part.document())));
                }
            }
        }
        String version = p.policyArn() == null ? null : authorization(repository, runId, r.accountId())
                .flatMap(a -> a.policy(p.policyArn())).map(ManagedPolicy::defaultVersionId).orElse(null);
        files.add(file(folder, base + ".apply.txt", ApplyNote.text(r, p, fileBase, version, partNames)));
        return files;
    }

    /**
     * The account's authorization details from the report's part of its snapshot: the whole snapshot would also
     * decompress and parse the last-accessed details, which was over a tenth of the csv thread's CPU at 800 accounts.
     */
    private Optional<AuthorizationDetails> authorization(StagingRepository repository, String runId, String account) {
        if (!account.equals(authorizationAccount)) {
            authorizationAccount = account;
            authorization = repository.reportSnapshot(runId, account).map(ReportSnapshot::authorization)
                    .filter(c -> c != null && c.value() != null).map(c -> c.value());
        }
        return authorization;
    }

    private ReportFile file(Path folder, String name, String text) {
        Path path = folder.resolve(name);
        try {
            createParent(path);
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReportFile(name, path, 0, Map.of());
    }

    /**
     * Creates the file's folder unless the previous file was in it: a principal's files come one after the other, and
     * {@link Files#createDirectories} on an existing folder costs system calls and an exception each time (187,255
     * files at 800 accounts).
     */
    private void createParent(Path file) throws IOException {
        Path parent = file.getParent();
        if (!parent.equals(lastFolder)) {
            Files.createDirectories(parent);
            lastFolder = parent;
        }
    }

    private static String parent(String base) {
        return base.substring(0, base.lastIndexOf('/') + 1);
    }

    /** IAM names allow {@code +=,.@_-} besides letters and digits; a group policy's {@code group/policy} too. */
    static String safe(String name) {
        String out = name.replace('/', '.').replaceAll("[^A-Za-z0-9+=,.@_-]", "_");
        return out.isEmpty() || out.chars().allMatch(c -> c == '.') ? out.replace('.', '_') + "_" : out;
    }

    private static String pretty(String document) {
        JsonNode node = parse(document);
        return node == null ? document : write(node);
    }

    private static JsonNode parse(String document) {
        try {
            return document == null ? null : JSON.readTree(document);
        } catch (IOException e) {
            return null;
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
