package io.segstream.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged worker ({@code target/quarkus-app/quarkus-run.jar}, built by the package phase)
 * run as a separate process against the test broker, with the DJL cache and offline mode the
 * build gives the tests, so that it can be killed like a real one.
 */
public final class WorkerProcess {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    private final Process process;
    private final Path log;

    private WorkerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the worker with {@code settings} as system properties; output goes to {@code log}. */
    public static WorkerProcess start(Map<String, String> settings, Path log) throws IOException {
        return start(settings, log, "1g");
    }

    /** As {@link #start(Map, Path)}, with the given maximum heap ({@code -Xmx}). */
    public static WorkerProcess start(Map<String, String> settings, Path log, String heap)
            throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; run the "
                    + "package phase first (./mvnw verify runs it before the *IT tests)");
        }
        String djlCache = System.getProperty("DJL_CACHE_DIR",
                Path.of(".djl-cache").toAbsolutePath().toString());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-DDJL_CACHE_DIR=" + djlCache,
                "-Dorg.bytedeco.javacpp.cachedir=" + djlCache + "/javacpp",
                "-Dai.djl.offline=true",
                "-Dquarkus.http.port=0",
                "-Dsegstream.model.path=" + Path.of("models/unet").toAbsolutePath()));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DJL_CACHE_DIR", djlCache);
        Process process = builder.start();
        // A test that fails before stopping its worker must not leave it running after the JVM.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new WorkerProcess(process, log);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no commit, no clean close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the worker's graceful shutdown. Returns the exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the worker did not stop within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** Peak resident set size (VmHWM) of a process in KiB, 0 when it is gone. */
    public static long peakRssKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The HTTP port once Quarkus has logged it. */
    public int awaitHttpPort(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Matcher port = LISTENING.matcher(output());
            if (port.find()) {
                return Integer.parseInt(port.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the worker exited with " + process.exitValue()
                        + ":\n" + output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the worker did not start within " + timeout + ":\n" + output());
    }

    /** Everything the worker printed so far. */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Lines of the output containing {@code text}. */
    public long linesContaining(String text) throws IOException {
        return output().lines().filter(line -> line.contains(text)).count();
    }
}
