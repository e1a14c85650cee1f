package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.message.Notification;

/**
 * Why a connection ended: what {@code birdc show protocols} and {@code tabbyctl node status}
 * print in their info column, and what decides whether an error wait follows.
 */
public sealed interface DownReason {

    /** Whether this counts as an error for the error wait (BIRD's startup delay). */
    boolean isError();

    /** A line for the status column. */
    String describe();

    /** ManualStop. */
    record LocalStop() implements DownReason {
        @Override
        public boolean isError() {
            return false;
        }

        @Override
        public String describe() {
            return "Shutdown";
        }
    }

    /** Collision detection closed this connection; the other one carries on. */
    record CollisionLost() implements DownReason {
        @Override
        public boolean isError() {
            return false;
        }

        @Override
        public String describe() {
            return "Connection collision";
        }
    }

    /** We sent a NOTIFICATION and closed. */
    record SentNotification(Notification notification, String detail) implements DownReason {
        public SentNotification {
            requireNonNull(notification, "notification is null");
            requireNonNull(detail, "detail is null");
        }

        @Override
        public boolean isError() {
            return true;
        }

        @Override
        public String describe() {
            return "Error: " + detail + " (sent " + notification.code() + "/" + notification.subcode() + ")";
        }
    }

    /** The peer sent a NOTIFICATION. */
    record ReceivedNotification(Notification notification) implements DownReason {
        public ReceivedNotification {
            requireNonNull(notification, "notification is null");
        }

        @Override
        public boolean isError() {
            return true;
        }

        @Override
        public String describe() {
            return "Received: notification " + notification.code() + "/" + notification.subcode();
        }
    }

    /** The TCP connection failed or was closed without a NOTIFICATION. */
    record ConnectionLost(String detail) implements DownReason {
        public ConnectionLost {
            requireNonNull(detail, "detail is null");
        }

        @Override
        public boolean isError() {
            return true;
        }

        @Override
        public String describe() {
            return "Socket: " + detail;
        }
    }
}
