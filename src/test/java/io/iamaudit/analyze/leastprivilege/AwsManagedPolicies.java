package io.iamaudit.analyze.leastprivilege;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamaudit.testsupport.Peer;
import io.iamaudit.testsupport.Peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * AWS managed policy documents, read at test time from the moto package of the machine's python3 (AWS's text is
 * not committed to this repository). Without python3 and moto the case is skipped ({@link Peers}).
 */
final class AwsManagedPolicies {
    private static final Map<String, String> CACHE = new HashMap<>();

    private AwsManagedPolicies() {
    }

    static synchronized String document(String name) {
        return CACHE.computeIfAbsent(name, AwsManagedPolicies::load);
    }

    private static String load(String name) {
        Peers.assume("the golden case of AWS managed policy " + name, Peer.PYTHON_MOTO);
        String script = "import json,sys\n"
                + "from moto.iam.aws_managed_policies import aws_managed_policies_data as d\n"
                + "print(json.dumps(json.loads(d)[sys.argv[1]]['Document']))\n";
        try {
            Process p = new ProcessBuilder(List.of("python3", "-c", script, name)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("python3/moto could not provide " + name + ": " + out);
            }
            JsonNode doc = new ObjectMapper().readTree(out);
            return doc.toString();
        } catch (IOException e) {
            throw new IllegalStateException("python3 with moto 5.2 is required for the golden tests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
