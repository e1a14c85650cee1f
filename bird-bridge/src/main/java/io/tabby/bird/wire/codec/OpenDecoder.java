package io.tabby.bird.wire.codec;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Open;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an OPEN body (RFC 4271 §4.2) and applies the checks that need no configuration
 * (RFC 4271 §6.2, RFC 7607 for AS 0). The checks against the configured peer AS and the local BGP
 * identifier are in {@link OpenChecks}.
 */
final class OpenDecoder {
    private static final int PARAMETER_CAPABILITIES = 2;

    private OpenDecoder() {
    }

    static Open decode(ByteBuf body) throws DecodeFailure {
        int version = body.readUnsignedByte();
        if (version != Open.VERSION) {
            throw new DecodeFailure(BgpError.UNSUPPORTED_VERSION_NUMBER, Bytes.of((byte) 0, (byte) Open.VERSION),
                    "BGP version " + version + " is not supported; only 4 is");
        }
        int myAs = body.readUnsignedShort();
        int holdTime = body.readUnsignedShort();
        int bgpIdentifier = body.readInt();
        int parametersLength = body.readUnsignedByte();
        if (parametersLength != body.readableBytes()) {
            throw new DecodeFailure(BgpError.OPEN_UNSPECIFIC, "optional parameters length " + parametersLength
                    + " does not match the " + body.readableBytes() + " octets that follow");
        }
        List<Capability> capabilities = new ArrayList<>();
        while (body.isReadable()) {
            if (body.readableBytes() < 2) {
                throw new DecodeFailure(BgpError.OPEN_UNSPECIFIC, "optional parameter header runs past the OPEN");
            }
            int type = body.readUnsignedByte();
            int length = body.readUnsignedByte();
            if (length > body.readableBytes()) {
                throw new DecodeFailure(BgpError.OPEN_UNSPECIFIC,
                        "optional parameter of " + length + " octets runs past the OPEN");
            }
            if (type != PARAMETER_CAPABILITIES) {
                throw new DecodeFailure(BgpError.UNSUPPORTED_OPTIONAL_PARAMETER, "optional parameter type " + type
                        + " is not supported; only capabilities (2) are");
            }
            CapabilityDecoder.read(body.readSlice(length), capabilities);
        }
        Open open = new Open(version, myAs, holdTime, bgpIdentifier, capabilities);
        if (myAs == 0 || open.peerAs() == 0) {
            throw new DecodeFailure(BgpError.BAD_PEER_AS, "AS 0 is reserved and cannot open a session (RFC 7607)");
        }
        if (holdTime == 1 || holdTime == 2) {
            throw new DecodeFailure(BgpError.UNACCEPTABLE_HOLD_TIME,
                    "hold time " + holdTime + " s is neither 0 nor at least 3 (RFC 4271 §4.2)");
        }
        if (bgpIdentifier == 0) {
            throw new DecodeFailure(BgpError.BAD_BGP_IDENTIFIER, "BGP identifier 0.0.0.0 is not valid");
        }
        return open;
    }
}
