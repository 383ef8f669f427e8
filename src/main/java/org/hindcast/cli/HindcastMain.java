package org.hindcast.cli;

import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * The one entry point: {@code java -jar quarkus-run.jar [COMMAND]}. Without a command it runs the service; the
 * commands and their options are picocli's ({@code --help} for the whole and for each). Exit codes: 0 done, 1 the
 * work failed (a refused file, a port in use), 2 the command line was wrong.
 */
@QuarkusMain
public class HindcastMain {

    public static void main(String... args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HindcastCommand());
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("hindcast " + command.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        return cl;
    }
}
