package io.iamaudit.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services for which AWS reports action-level last-accessed information, as data with its source
 * ({@code policy/last-accessed-tracked-services.txt}: the IAM User Guide page and the date it was read).
 */
public final class TrackedServices {

    public static final String RESOURCE = "/policy/last-accessed-tracked-services.txt";

    private static final Set<String> BUNDLED = load();

    private TrackedServices() {
    }

    /** The service prefixes, lower case. */
    public static Set<String> all() {
        return BUNDLED;
    }

    public static boolean tracked(String prefix) {
        return BUNDLED.contains(prefix.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = TrackedServices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ActionCatalog.CatalogUnavailableException(RESOURCE + " is missing from the classpath");
            }
            Set<String> out = new TreeSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t")[0].trim().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new ActionCatalog.CatalogUnavailableException(RESOURCE + " is unreadable: " + e.getMessage());
        }
    }
}
