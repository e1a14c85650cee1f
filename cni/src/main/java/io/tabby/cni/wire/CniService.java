package io.tabby.cni.wire;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.spec.CniException;

/**
 * What the node agent implements to serve CNI requests. Every method gets a validated request
 * ({@link CniRequest#plugin()} says whether the {@code tabby} or the {@code tabby-ipam} plugin was
 * run) and answers by returning or by throwing a {@link CniException} with the spec's code, which
 * the plugin prints as the CNI error. Any other exception is reported as code 999.
 *
 * <p>Contract, from the CNI spec: {@link #del} must succeed when things are already gone (repeated
 * DEL, no netns, no prevResult); {@link #gc} releases everything not in
 * {@code request.config().validAttachments()}; {@link #status} throws code 50 or 51 when ADD
 * cannot be served; a dependency that is down (etcd) is code 11, "try again later". Each call must
 * finish well inside the plugin's time bound ({@link ClientSettings#DEFAULT_TIMEOUT}).
 */
public interface CniService {
    /** ADD: returns the result, rendered by the plugin in the config's cniVersion. */
    CniResult add(CniRequest request) throws CniException;

    void del(CniRequest request) throws CniException;

    void check(CniRequest request) throws CniException;

    void gc(CniRequest request) throws CniException;

    void status(CniRequest request) throws CniException;
}
