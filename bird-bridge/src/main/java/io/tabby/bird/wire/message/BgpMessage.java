package io.tabby.bird.wire.message;

/** One BGP message, decoded or to be encoded. */
public sealed interface BgpMessage permits Open, Update, Notification, Keepalive, RouteRefresh {

    /** The message type code of the header. */
    int typeCode();

    /** Header type codes (RFC 4271 §4.1, RFC 2918 §3). */
    int OPEN = 1;
    int UPDATE = 2;
    int NOTIFICATION = 3;
    int KEEPALIVE = 4;
    int ROUTE_REFRESH = 5;

    /** Common header size: 16-octet marker, 2-octet length, 1-octet type. */
    int HEADER_LENGTH = 19;
    /** Largest message without RFC 8654, and always for OPEN and KEEPALIVE. */
    int MAX_LENGTH = 4096;
    /** Largest message once extended messages are negotiated (RFC 8654). */
    int MAX_EXTENDED_LENGTH = 65535;
}
