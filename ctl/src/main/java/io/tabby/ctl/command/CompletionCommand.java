package io.tabby.ctl.command;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tabbyctl completion bash|zsh}: prints a completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script for tabbyctl.",
        footer = {
            "",
            "bash:  source <(tabbyctl completion bash)",
            "zsh:   source <(tabbyctl completion zsh)   (uses bashcompinit, which the script loads)",
        })
public final class CompletionCommand implements Runnable {

    /** The shells the script supports (zsh through its bash compatibility). */
    public enum Shell { BASH, ZSH }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    private Shell shell;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        // picocli's script serves both shells: under zsh it enables bashcompinit itself.
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
    }
}
