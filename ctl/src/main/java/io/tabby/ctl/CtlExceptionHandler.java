package io.tabby.ctl;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.options.DatastoreSettingsResolver;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.PermissionDeniedException;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.resource.InputProblem;
import io.tabby.datastore.resource.ResourceException;
import io.tabby.datastore.resource.ResourceInputException;
import io.tabby.ipam.IpamException;
import java.io.PrintWriter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where a failure becomes a message on stderr and an exit code: command-line
 * mistakes exit {@value ExitCodes#USAGE}, everything else {@value ExitCodes#FAILURE}.
 */
public final class CtlExceptionHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private static final Logger LOG = LogManager.getLogger(CtlExceptionHandler.class);
    static final String FAILED = "Failed to execute command: ";

    private final DatastoreSession session;

    public CtlExceptionHandler(DatastoreSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println(describe(ex));
        err.flush();
        return ExitCodes.FAILURE;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private String describe(Exception ex) {
        return switch (ex) {
            case CtlException e -> e.getMessage();
            case UnavailableException e -> datastoreFailure(e, "cannot reach etcd at ",
                    ". Check that etcd is running and that the endpoints are right"
                            + " (--etcd-endpoints, ETCD_ENDPOINTS or spec.etcdEndpoints in the config file).");
            case PermissionDeniedException e -> datastoreFailure(e, "etcd refused the request at ",
                    ". Check the credentials (ETCD_USERNAME/ETCD_PASSWORD) or the client certificate"
                            + " (ETCD_CERT_FILE/ETCD_KEY_FILE).");
            case DatastoreException e -> FAILED + e.getMessage();
            case ResourceInputException e -> inputProblems(e);
            case ResourceException e -> FAILED + e.getMessage();
            // IPAM's messages say what is wrong and what to do (retries exhausted, address in use, ...).
            case IpamException e -> FAILED + e.getMessage();
            // Libraries signal unusable input (a malformed value, a request etcd rejects) this way.
            case IllegalArgumentException e -> FAILED + e.getMessage();
            default -> unexpected(ex);
        };
    }

    /** Every problem, one per line, each naming file, document, resource and field. */
    private static String inputProblems(ResourceInputException e) {
        int count = e.problems().size();
        StringBuilder message = new StringBuilder(FAILED).append(count).append(count == 1 ? " problem" : " problems")
                .append(" in the input; nothing was written:");
        for (InputProblem problem : e.problems()) {
            message.append("\n  ").append(problem);
        }
        return message.toString();
    }

    /**
     * The datastore's own message when it already names the endpoints (the etcd backend's do, with
     * what to check), plus where the endpoints came from; otherwise our framing around it.
     */
    private String datastoreFailure(DatastoreException e, String prefix, String hint) {
        DatastoreSettingsResolver.Resolved settings;
        try {
            settings = session.settings();
        } catch (RuntimeException unresolved) {
            return FAILED + e.getMessage();
        }
        String message = String.valueOf(e.getMessage());
        boolean namesEndpoints = settings.settings().endpoints().stream().anyMatch(message::contains);
        if (namesEndpoints) {
            return FAILED + message + " (endpoints from " + settings.endpointsSource() + ")";
        }
        return FAILED + prefix + settings.describeEndpoints() + ": " + message + hint;
    }

    private static String unexpected(Exception ex) {
        LOG.debug("unexpected failure", ex);
        String detail = ex.getMessage() == null ? ex.getClass().getName() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        return FAILED + "unexpected error: " + detail + " (run with -l debug for details)";
    }
}
