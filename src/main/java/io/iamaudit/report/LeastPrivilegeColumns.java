package io.iamaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamaudit.json.Mappers;
import io.iamaudit.policy.ActionCatalog;
import io.iamaudit.stage.LeastPrivilegeRecommendation;
import io.iamaudit.stage.LeastPrivilegeRecommendation.PolicyProposal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Extractors of the Least privilege table, by template column key. */
final class LeastPrivilegeColumns {
    private static final ObjectMapper JSON = Mappers.compact();
    private static final ObjectMapper PRETTY = Mappers.pretty();
    private static final ProposalDiff DIFF = new ProposalDiff(ActionCatalog.bundled());
    /** Below Excel's 32,767 characters per cell, with room for the safety prefix. */
    static final int READABLE_LIMIT = 32_000;

    private LeastPrivilegeColumns() {
    }

    static Map<String, Function<? super LeastPrivilegeRecommendation, ?>> extractors() {
        Map<String, Function<? super LeastPrivilegeRecommendation, ?>> m = new LinkedHashMap<>();
        m.put("account_id", LeastPrivilegeRecommendation::accountId);
        m.put("principal_type", LeastPrivilegeRecommendation::principalType);
        m.put("principal_name", r -> ConsoleLinks.principal(r.principalType(), r.principalName(), r.principalArn()));
        m.put("principal_arn", LeastPrivilegeRecommendation::principalArn);
        m.put("verdict", r -> r.verdict() == null ? null : r.verdict().name());
        m.put("reason", LeastPrivilegeRecommendation::reason);
        m.put("granted_services", r -> Texts.list(r.grantedServices()));
        m.put("used_services", r -> Texts.list(r.usedServices()));
        m.put("unused_services", r -> Texts.list(r.unusedServices()));
        m.put("granted_actions", LeastPrivilegeRecommendation::grantedActions);
        m.put("used_actions", LeastPrivilegeRecommendation::usedActions);
        m.put("unused_actions", r -> Texts.list(r.unusedActions()));
        m.put("last_used", LeastPrivilegeRecommendation::lastUsed);
        m.put("reduction", LeastPrivilegeRecommendation::reductionPercent);
        m.put("proposed_policies", r -> proposalsJson(r.proposals()));
        m.put("original_documents", r -> readable(r, true));
        m.put("proposed_documents", r -> readable(r, false));
        m.put("diff_by_service", r -> DIFF.text(r.proposals()));
        m.put("proposal_files", r -> Texts.lines(r.proposals().stream().filter(ProposalFilesWriter::changes)
                .map(p -> ProposalFilesWriter.base(r, p) + ".json").toList()));
        m.put("removed_permissions", r -> Texts.lines(r.proposals().stream()
                .flatMap(p -> p.removed().stream().map(x -> x.permission() + " \u2014 " + x.evidence()))
                .toList()));
        m.put("notes", r -> Texts.lines(r.notes()));
        return m;
    }

    /** The proposals as one JSON array; a document that is valid JSON is embedded as JSON, not as a string. */
    static String proposalsJson(List<PolicyProposal> proposals) {
        if (proposals.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (PolicyProposal p : proposals) {
            ObjectNode node = array.addObject();
            node.put("policyName", p.policyName());
            node.put("policyArn", p.policyArn());
            node.put("attachment", p.attachment());
            node.put("fitsSizeLimit", p.fitsSizeLimit());
            node.set("proposedDocument", document(p.proposedDocument()));
            if (!p.keptForReview().isEmpty()) {
                node.set("keptForReview", JSON.valueToTree(p.keptForReview()));
            }
        }
        return array.toString();
    }

    /**
     * The original or proposed documents of the changed proposals as indented text, side by side in two columns;
     * where the text would pass Excel's cell limit, the path of each proposal's file instead.
     */
    static String readable(LeastPrivilegeRecommendation r, boolean original) {
        List<PolicyProposal> changed = r.proposals().stream().filter(ProposalFilesWriter::changes).toList();
        if (changed.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (PolicyProposal p : changed) {
            String text = original ? p.originalDocument() : p.proposedDocument();
            out.append(out.length() == 0 ? "" : "\n\n").append("# ").append(p.policyName()).append('\n')
                    .append(text == null ? "(detach: nothing in it is still used)" : pretty(text));
        }
        if (out.length() <= READABLE_LIMIT) {
            return out.toString();
        }
        return Texts.lines(changed.stream().map(p -> "# " + p.policyName() + ": too long for a cell, see "
                + ProposalFilesWriter.base(r, p) + (original ? ".original.json" : ".json")).toList());
    }

    private static String pretty(String document) {
        try {
            return PRETTY.writeValueAsString(JSON.readTree(document));
        } catch (JsonProcessingException e) {
            return document;
        }
    }

    private static JsonNode document(String document) {
        if (document == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(document);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(document);
        }
    }
}
