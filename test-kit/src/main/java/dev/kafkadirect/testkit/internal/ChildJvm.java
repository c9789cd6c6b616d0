package dev.kafkadirect.testkit.internal;

import dev.kafkadirect.testkit.ChildJvmOptions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM the test kit started, with the pipe to its standard input held open for its life: the child's
 * entry point exits when the pipe closes, so it never outlives this JVM. Stopping or killing it also closes
 * the pipe and forgets it in {@link ChildProcesses}. Every child runs on this JVM's Java and temporary
 * directory ({@link #javaCommand()}), so a test run that points {@code java.io.tmpdir} at a fresh folder
 * leaves nothing in {@code /tmp} and finds nothing an earlier run left there.
 */
final class ChildJvm {
    private final Process process;
    private final OutputStream parentPipe;

    private ChildJvm(Process process) {
        this.process = process;
        this.parentPipe = process.getOutputStream();
        ChildProcesses.register(process);
    }

    /**
     * @return the start of a child's command line: this JVM's {@code java}, {@code -Djava.io.tmpdir} set to
     *     this JVM's temporary directory, and {@link ChildJvmOptions#ofThisTestRun()}
     */
    static List<String> javaCommand() {
        List<String> command = plainJavaCommand();
        command.addAll(ChildJvmOptions.ofThisTestRun());
        return command;
    }

    /**
     * @return the start of a child's command line without {@link ChildJvmOptions#ofThisTestRun()}, for a child
     *     whose own work is heavy compute (PostgreSQL's unpacks its binaries; PostgresServerTest took 29 s with C1 alone
     *     against 20 s, in one run each)
     */
    static List<String> plainJavaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add(temporaryDirectoryOption());
        return command;
    }

    /** @return {@code -Djava.io.tmpdir=} this JVM's temporary directory */
    static String temporaryDirectoryOption() {
        return "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir");
    }

    /**
     * @param builder the child's command, environment and output
     * @param description what the child is, for the error message
     * @return the running child
     */
    static ChildJvm start(ProcessBuilder builder, String description) {
        try {
            return new ChildJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + description + " with " + builder.command().get(0), e);
        }
    }

    /**
     * Sends the child one line on its standard input, for children that take commands there.
     *
     * @param line the command, without the line end
     */
    void send(String line) {
        try {
            parentPipe.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            parentPipe.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot send '" + line + "' to the child: it has exited", e);
        }
    }

    Process process() {
        return process;
    }

    /**
     * Stops the child gracefully (SIGTERM), and kills it and its descendants if it has not exited in time.
     *
     * @param timeout how long the child may take to stop
     */
    void stop(Duration timeout) {
        try {
            process.destroy();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            release();
        }
    }

    /** Kills the child and its descendants at once ({@code kill -9}) and waits for the child to be gone. */
    void kill() {
        try {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release();
        }
    }

    /** Forgets a child that has exited: closes its pipe and drops it from {@link ChildProcesses}. */
    void release() {
        ChildProcesses.unregister(process);
        try {
            parentPipe.close();
        } catch (IOException ignored) {
            // The child is gone; its pipe may already be broken.
        }
    }
}
