package io.iamaudit.analyze.leastprivilege;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small IAM action matcher written independently of the production code (its own JSON reading, its own
 * wildcard regexes) to judge the rewriter. Resources and conditions are treated conservatively: statements only
 * apply in the "context" of their exact Resource/NotResource/Condition text, except unconditional Denies on
 * {@code "*"}, which apply everywhere.
 */
final class ActionOracle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Pattern> CACHE = new HashMap<>();

    private final List<St> statements = new ArrayList<>();

    private record St(boolean allow, boolean not, List<Pattern> actions, String context, boolean everywhere) {
    }

    ActionOracle(String policy) {
        try {
            JsonNode root = JSON.readTree(policy);
            JsonNode st = root.get("Statement");
            List<JsonNode> list = new ArrayList<>();
            if (st.isArray()) {
                st.forEach(list::add);
            } else {
                list.add(st);
            }
            for (JsonNode s : list) {
                boolean not = s.has("NotAction");
                List<String> actions = new ArrayList<>();
                JsonNode a = s.get(not ? "NotAction" : "Action");
                if (a.isArray()) {
                    a.forEach(x -> actions.add(x.asText()));
                } else {
                    actions.add(a.asText());
                }
                String context = context(s);
                boolean everywhere = !s.has("Condition") && s.has("Resource") && s.get("Resource").asText().equals("*");
                statements.add(new St("Allow".equals(s.get("Effect").asText()), not,
                        actions.stream().map(ActionOracle::regex).toList(), context, everywhere));
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("not a policy: " + policy, e);
        }
    }

    static String context(JsonNode s) {
        return String.valueOf(s.get("Resource")) + "|" + s.get("NotResource") + "|" + s.get("Condition");
    }

    List<String> contexts() {
        return statements.stream().map(St::context).distinct().toList();
    }

    boolean allows(String action, String context) {
        boolean allowed = statements.stream().anyMatch(s -> s.allow && s.context.equals(context) && covers(s, action));
        boolean denied = statements.stream().anyMatch(s -> !s.allow && (s.everywhere || s.context.equals(context))
                && covers(s, action));
        return allowed && !denied;
    }

    private static boolean covers(St s, String action) {
        boolean listed = false;
        for (Pattern p : s.actions) {
            if (p.matcher(action).matches()) {
                listed = true;
                break;
            }
        }
        return s.not != listed;
    }

    private static Pattern regex(String glob) {
        return CACHE.computeIfAbsent(glob, g -> Pattern.compile(
                Pattern.quote(g).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"), Pattern.CASE_INSENSITIVE));
    }
}
