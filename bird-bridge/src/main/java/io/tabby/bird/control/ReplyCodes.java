package io.tabby.bird.control;

/** The reply codes of BIRD 1.6 ({@code doc/reply_codes}) that Tabby sends. */
final class ReplyCodes {

    static final int OK = 0;
    static final int WELCOME = 1;
    static final int READING_CONFIGURATION = 2;
    static final int RECONFIGURED = 3;
    static final int RECONFIGURATION_IN_PROGRESS = 4;
    static final int SHUTDOWN_ORDERED = 7;
    static final int ALREADY_DISABLED = 8;
    static final int DISABLED = 9;
    static final int ALREADY_ENABLED = 10;
    static final int ENABLED = 11;
    static final int RESTARTED = 12;
    static final int STATUS_REPORT = 13;
    static final int ROUTE_COUNT = 14;
    static final int CONFIGURATION_OK = 20;
    static final int BIRD_VERSION = 1000;
    static final int PROTOCOL_LIST = 1002;
    static final int PROTOCOL_DETAILS = 1006;
    static final int ROUTE_LIST = 1007;
    static final int ROUTE_DETAILS = 1008;
    static final int UPTIME = 1011;
    static final int ROUTE_ATTRIBUTES = 1012;
    static final int PROTOCOL_HEADING = 2002;
    static final int ROUTE_NOT_FOUND = 8001;
    static final int CONFIGURATION_ERROR = 8002;
    static final int NO_PROTOCOLS_MATCH = 8003;
    /** BIRD's "evaluation runtime error", the nearest code for a command the daemon failed to answer. */
    static final int RUNTIME_ERROR = 8008;
    static final int COMMAND_TOO_LONG = 9000;
    static final int PARSE_ERROR = 9001;
    static final int INVALID_SYMBOL = 9002;

    private ReplyCodes() {
    }
}
