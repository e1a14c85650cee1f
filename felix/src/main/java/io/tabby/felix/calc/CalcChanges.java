package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.felix.api.DataplaneMessage.IpSetUpdate;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What an endpoint-only flush changed: each changed ip set, active policy, active profile and
 * local endpoint with its current value, null when it is gone. Everything else (pools, tunnels,
 * routes, host endpoints) only changes through a rebuild, which sends a whole {@link DesiredState}.
 */
record CalcChanges(Map<String, IpSetUpdate> ipSets, Map<String, Policy> policies, Map<String, ProfileRules> profiles,
        Map<WorkloadEndpointKey, WorkloadEndpointUpdate> endpoints) {

    CalcChanges {
        // Copies that keep null values (a removal), read-only.
        ipSets = Collections.unmodifiableMap(new HashMap<>(requireNonNull(ipSets, "ipSets is null")));
        policies = Collections.unmodifiableMap(new HashMap<>(requireNonNull(policies, "policies is null")));
        profiles = Collections.unmodifiableMap(new HashMap<>(requireNonNull(profiles, "profiles is null")));
        endpoints = Collections.unmodifiableMap(new HashMap<>(requireNonNull(endpoints, "endpoints is null")));
    }
}
