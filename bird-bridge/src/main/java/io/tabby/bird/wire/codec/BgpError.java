package io.tabby.bird.wire.codec;

/**
 * NOTIFICATION error codes and subcodes this codec sends (RFC 4271 §4.5, §6; RFC 7313 §5 for
 * ROUTE-REFRESH; IANA "BGP Error (Notification) Codes").
 */
public enum BgpError {
    CONNECTION_NOT_SYNCHRONIZED(1, 1),
    BAD_MESSAGE_LENGTH(1, 2),
    BAD_MESSAGE_TYPE(1, 3),
    OPEN_UNSPECIFIC(2, 0),
    UNSUPPORTED_VERSION_NUMBER(2, 1),
    BAD_PEER_AS(2, 2),
    BAD_BGP_IDENTIFIER(2, 3),
    UNSUPPORTED_OPTIONAL_PARAMETER(2, 4),
    UNACCEPTABLE_HOLD_TIME(2, 6),
    UNSUPPORTED_CAPABILITY(2, 7),
    MALFORMED_ATTRIBUTE_LIST(3, 1),
    UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE(3, 2),
    MISSING_WELL_KNOWN_ATTRIBUTE(3, 3),
    ATTRIBUTE_FLAGS_ERROR(3, 4),
    ATTRIBUTE_LENGTH_ERROR(3, 5),
    INVALID_ORIGIN_ATTRIBUTE(3, 6),
    INVALID_NEXT_HOP_ATTRIBUTE(3, 8),
    OPTIONAL_ATTRIBUTE_ERROR(3, 9),
    INVALID_NETWORK_FIELD(3, 10),
    MALFORMED_AS_PATH(3, 11),
    HOLD_TIMER_EXPIRED(4, 0),
    FSM_ERROR(5, 0),
    CEASE(6, 0),
    ROUTE_REFRESH_INVALID_LENGTH(7, 1);

    private final int code;
    private final int subcode;

    BgpError(int code, int subcode) {
        this.code = code;
        this.subcode = subcode;
    }

    public int code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }
}
