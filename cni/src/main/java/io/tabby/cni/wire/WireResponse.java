package io.tabby.cni.wire;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.spec.CniError;
import java.util.Optional;

/** The response frame: success (with a result for ADD) or a CNI error. */
public sealed interface WireResponse {
    record Success(Optional<CniResult> result) implements WireResponse {
        public Success {
            requireNonNull(result, "result is null");
        }
    }

    record Failure(CniError error) implements WireResponse {
        public Failure {
            requireNonNull(error, "error is null");
        }
    }

    static WireResponse ok() {
        return new Success(Optional.empty());
    }

    static WireResponse ok(CniResult result) {
        return new Success(Optional.of(result));
    }

    static WireResponse failure(int code, String msg, String details) {
        return new Failure(new CniError(code, msg, details));
    }
}
