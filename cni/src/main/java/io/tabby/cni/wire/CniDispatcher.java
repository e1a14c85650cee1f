package io.tabby.cni.wire;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import java.lang.System.Logger.Level;

/**
 * Turns one request frame into one response: validates it into a {@link CniRequest}, calls the
 * matching {@link CniService} method and maps every outcome to a {@link WireResponse}. Nothing
 * escapes: an unexpected exception from the service is logged and answered as code 999.
 */
final class CniDispatcher {
    private static final System.Logger LOG = System.getLogger(CniDispatcher.class.getName());

    private final CniService service;

    CniDispatcher(CniService service) {
        this.service = requireNonNull(service, "service is null");
    }

    WireResponse handle(WireRequest wire) {
        CniRequest request;
        try {
            request = CniRequest.parse(wire.plugin(), wire.env(), wire.stdin());
        } catch (CniException e) {
            return new WireResponse.Failure(e.error());
        }
        try {
            return switch (request.command()) {
                case ADD -> WireResponse.ok(requireNonNull(service.add(request), "CniService.add returned null"));
                case DEL -> {
                    service.del(request);
                    yield WireResponse.ok();
                }
                case CHECK -> {
                    service.check(request);
                    yield WireResponse.ok();
                }
                case GC -> {
                    service.gc(request);
                    yield WireResponse.ok();
                }
                case STATUS -> {
                    service.status(request);
                    yield WireResponse.ok();
                }
                case VERSION -> throw new IllegalStateException("VERSION is never forwarded");
            };
        } catch (CniException e) {
            return new WireResponse.Failure(e.error());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "CNI " + request.command() + " for container "
                    + request.env().containerId().orElse("-") + " failed unexpectedly", e);
            return WireResponse.failure(CniError.INTERNAL, "internal error in the node agent's CNI service",
                    e.toString() + "; see the tabby-node log");
        }
    }
}
