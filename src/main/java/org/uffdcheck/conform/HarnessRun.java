package org.uffdcheck.conform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the compiled harness on one op script. The harness bounds its own run (it kills its process
 * group past timeoutMs); past that and a grace period this side kills it and every descendant, so
 * no process outlives the run whatever the harness does.
 */
public final class HarnessRun {
    private static final long GRACE_MS = 3000;

    private final Path binary;
    private final long timeoutMs;
    private final long settleMs;

    public HarnessRun(Path binary, long timeoutMs, long settleMs) {
        this.binary = binary;
        this.timeoutMs = timeoutMs;
        this.settleMs = settleMs;
    }

    public HarnessOutput run(OpScript script) throws IOException, InterruptedException {
        Path file = Files.createTempFile("uffdcheck-ops-", ".txt");
        try {
            Files.writeString(file, script.text());
            return run(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private HarnessOutput run(Path scriptFile) throws IOException, InterruptedException {
        // Ctrl-C ends the JVM, not its children: the run goes with it. The hook comes first: once
        // the JVM is shutting down, no run starts.
        java.util.concurrent.atomic.AtomicReference<Process> running = new java.util.concurrent.atomic.AtomicReference<>();
        Thread onExit = new Thread(() -> {
            Process q = running.get();
            if (q != null) killAll(q);
        });
        try {
            Runtime.getRuntime().addShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            throw new InterruptedException("shutting down");
        }
        Process p;
        boolean ended;
        CompletableFuture<byte[]> out;
        CompletableFuture<byte[]> err;
        try {
            p = new ProcessBuilder(binary.toString(), scriptFile.toString(), Long.toString(timeoutMs),
                    Long.toString(settleMs)).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            running.set(p);
            out = drain(p.getInputStream());
            err = drain(p.getErrorStream());
            try {
                ended = p.waitFor(timeoutMs + GRACE_MS, TimeUnit.MILLISECONDS);
            } finally {
                if (p.isAlive()) killAll(p);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or has run
            }
        }
        List<String> lines = new ArrayList<>(text(out).lines().toList());
        String stderr = text(err).strip();
        if (!ended) lines.add("{\"obs\": \"harness_error\", \"message\": \"the harness did not end; killed with its processes\"}");
        int code = ended ? p.exitValue() : -1;
        String why = switch (code) {
            case -1, 0 -> null;
            case 2 -> "the harness refused the op script: " + stderr;
            case 3 -> HarnessOutput.parse(lines).unavailable() == null ? "the harness found userfaultfd unavailable" : null;
            case 4 -> HarnessOutput.parse(lines).errors().isEmpty() ? "the run failed without saying why" : null;
            default -> "the harness crashed (status " + code + ")" + (stderr.isEmpty() ? "" : ": " + stderr);
        };
        if (why != null) lines.add("{\"obs\": \"harness_error\", \"message\": " + quote(why) + "}");
        HarnessOutput r = HarnessOutput.parse(lines);
        return r;
    }

    private static void killAll(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }

    private static String text(CompletableFuture<byte[]> f) {
        try {
            return new String(f.get(GRACE_MS, TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 32) sb.append(' ');
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
