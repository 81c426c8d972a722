package io.iamaudit.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamaudit.json.Mappers;
import io.iamaudit.report.ReportFile;
import io.iamaudit.stage.AuditRun;
import io.iamaudit.stage.Finding;
import io.iamaudit.stage.StagingRepository;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the run's two finding exports into the report folder in one streamed pass over the staged findings (one
 * record in memory at a time, whatever the organization's size): {@code exports/findings.ocsf.jsonl}, one OCSF
 * Compliance Finding per line, and {@code exports/findings.asff.json}, a JSON array of ASFF findings. Every finding
 * is exported, FAIL, EXCEPTED and NOT_EVALUATED alike, each in the form its schema allows.
 */
public final class FindingExports {
    public static final String FOLDER = "exports";
    public static final String OCSF = FOLDER + "/findings.ocsf.jsonl";
    public static final String ASFF = FOLDER + "/findings.asff.json";

    private static final ObjectMapper MAPPER = Mappers.compact();

    private final FindingFacts.Factory facts;
    private final OcsfRecord ocsf;
    private final AsffRecord asff;

    public FindingExports(FindingFacts.Factory facts, String toolVersion, String region) {
        this.facts = facts;
        this.ocsf = new OcsfRecord(toolVersion);
        this.asff = new AsffRecord(region);
    }

    public List<ReportFile> write(StagingRepository staging, AuditRun run, Path runFolder) {
        Path ocsfFile = runFolder.resolve(OCSF);
        Path asffFile = runFolder.resolve(ASFF);
        long rows = 0;
        try {
            Files.createDirectories(ocsfFile.getParent());
            JsonFactory json = MAPPER.getFactory();
            try (OutputStream ocsfOut = new BufferedOutputStream(Files.newOutputStream(ocsfFile));
                 JsonGenerator asffOut = json.createGenerator(Files.newOutputStream(asffFile), JsonEncoding.UTF8);
                 Stream<Finding> findings = staging.findingsBySeverity(run.runId())) {
                // one finding per line in the array too: readable, and diffable run to run
                asffOut.setPrettyPrinter(new OneFindingPerLine());
                asffOut.writeStartArray();
                var iterator = findings.iterator();
                while (iterator.hasNext()) {
                    FindingFacts f = facts.of(iterator.next(), run);
                    ocsfOut.write(MAPPER.writeValueAsBytes(ocsf.of(f)));
                    ocsfOut.write('\n');
                    SdkJson.write(asffOut, asff.of(f));
                    rows++;
                }
                asffOut.writeEndArray();
                asffOut.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the finding exports in " + runFolder, e);
        }
        return List.of(new ReportFile(OCSF, ocsfFile, rows, null), new ReportFile(ASFF, asffFile, rows, null));
    }

    /** Compact JSON with a line break between the top-level array's elements only. */
    private static final class OneFindingPerLine extends MinimalPrettyPrinter {
        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw(topLevel(g) ? "[\n" : "[");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(topLevel(g)
                    ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(topLevel(g)
                    ? "\n]" : "]");
        }

        /** The array being written is the top-level one (the pretty printer is called inside its context). */
        private static boolean topLevel(JsonGenerator g) {
            return g.getOutputContext().getParent() != null && g.getOutputContext().getParent().inRoot();
        }
    }
}
