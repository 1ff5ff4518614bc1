package io.segstream.dicom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a conformance tool (dciodvfy, pydicom); a test that needs a missing tool is skipped with
 * the reason, not failed: scripts/setup.sh installs them.
 */
public final class ExternalTool {

    /** Debian's interpreter, which has python3-pydicom, even where another python3 comes first. */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3"))
            ? "/usr/bin/python3" : "python3";

    public record Result(int exitCode, String output) {}

    private ExternalTool() {}

    public static Result dciodvfy(Path file) throws IOException, InterruptedException {
        assumeTrue(onPath("dciodvfy"), "dciodvfy (Debian dicom3tools) is not installed");
        return run(List.of("dciodvfy", file.toString()));
    }

    public static Result pydicom(Path script, String... arguments)
            throws IOException, InterruptedException {
        Result probe = run(List.of(PYTHON, "-c", "import pydicom, numpy"));
        assumeTrue(probe.exitCode() == 0, "python3 with pydicom and numpy is not installed");
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(List.of(arguments));
        return run(command);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
