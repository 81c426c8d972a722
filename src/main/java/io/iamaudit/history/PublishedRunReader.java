package io.iamaudit.history;

import io.iamaudit.publish.Manifest;
import io.iamaudit.publish.PublishJson;
import io.iamaudit.publish.RunLayout;
import io.iamaudit.publish.StoreErrors;
import io.iamaudit.publish.StoreReadException;
import io.iamaudit.publish.RunFolder;
import io.iamaudit.publish.RunStore;
import io.iamaudit.report.ColumnSpec;
import io.iamaudit.report.CsvDialect;
import io.iamaudit.report.ReportTemplate;
import io.iamaudit.report.TableSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads what a published run says about history from its manifest, {@code csv/coverage.csv} and
 * {@code csv/findings.csv}, by header name. Anything that exists but cannot be read is a {@link StoreReadException}:
 * a run read as empty would resolve every finding of its accounts.
 */
final class PublishedRunReader {
    private final RunStore store;
    private final TableSpec findings;
    private final TableSpec coverage;

    PublishedRunReader(RunStore store, ReportTemplate template) {
        this.store = store;
        this.findings = template.table("findings");
        this.coverage = template.table("coverage");
    }

    RunSightings read(RunFolder run) {
        Manifest manifest = manifest(run);
        Set<String> audited = new HashSet<>();
        rows(run.file("csv/" + coverage.csv()), coverage, List.of("account_id", "status"), row -> {
            if ("AUDITED".equals(row.get("status"))) {
                audited.add(row.get("account_id"));
            }
        });
        List<RunSightings.Sighting> sightings = new ArrayList<>();
        rows(run.file("csv/" + findings.csv()), findings,
                List.of("finding_id", "account_id", "rule_id", "status", "first_seen"), row -> sightings.add(
                        new RunSightings.Sighting(row.get("finding_id"), row.get("account_id"), row.get("rule_id"),
                                row.get("first_seen").isEmpty() ? null : Instant.parse(row.get("first_seen")),
                                "NOT_EVALUATED".equals(row.get("status")))));
        return new RunSightings(manifest.runId(), manifest.startedAt(), audited, sightings);
    }

    Manifest manifest(RunFolder run) {
        String path = run.file(RunLayout.MANIFEST);
        try (InputStream in = store.open(path)) {
            return PublishJson.read(in.readAllBytes(), Manifest.class);
        } catch (IOException | RuntimeException e) {
            throw new StoreReadException("cannot read " + store.address(path) + ": " + StoreErrors.describe(e));
        }
    }

    private void rows(String path, TableSpec table, List<String> keys, Consumer<Map<String, String>> sink) {
        try (CsvDialect.In csv = CsvDialect.reader(new InputStreamReader(store.open(path), StandardCharsets.UTF_8))) {
            String[] header = csv.read();
            Map<String, Integer> at = new HashMap<>();
            for (String key : keys) {
                // the template's header, or the column key (a template may relabel a column; old runs keep theirs)
                int index = header == null ? -1 : List.of(header).indexOf(headerOf(table, key));
                index = index >= 0 || header == null ? index : List.of(header).indexOf(key);
                if (index < 0) {
                    throw new IOException("no column '" + headerOf(table, key) + "'");
                }
                at.put(key, index);
            }
            for (String[] line = csv.read(); line != null; line = csv.read()) {
                Map<String, String> row = new HashMap<>();
                for (Map.Entry<String, Integer> k : at.entrySet()) {
                    row.put(k.getKey(), k.getValue() < line.length ? line[k.getValue()] : "");
                }
                sink.accept(row);
            }
        } catch (IOException | RuntimeException e) {
            throw new StoreReadException("cannot read " + store.address(path) + ": " + StoreErrors.describe(e));
        }
    }

    private static String headerOf(TableSpec table, String key) {
        return table.columns().stream().filter(c -> c.key().equals(key)).map(ColumnSpec::header).findFirst()
                .orElse(key);
    }
}
