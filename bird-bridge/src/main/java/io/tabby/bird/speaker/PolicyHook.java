package io.tabby.bird.speaker;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.RoutePolicy;
import io.tabby.bird.rib.ExportFilter;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Turns a protocol's {@code import} and {@code export} clauses into filters. The filter language
 * plugs in here; {@link #DEFAULT} honours {@code all} and {@code none} and, until then, lets every
 * route through a named filter or a {@code where} clause (logged once per protocol).
 */
public interface PolicyHook {

    ImportFilter importFilter(BirdConfig config, BgpProtocol protocol);

    ExportFilter exportFilter(BirdConfig config, BgpProtocol protocol);

    PolicyHook DEFAULT = new PolicyHook() {
        private static final Logger LOG = LogManager.getLogger(PolicyHook.class);

        @Override
        public ImportFilter importFilter(BirdConfig config, BgpProtocol protocol) {
            return switch (protocol.importPolicy()) {
                case RoutePolicy.All _ -> ImportFilter.ALL;
                case RoutePolicy.None _ -> ImportFilter.NONE;
                case RoutePolicy.Named _, RoutePolicy.Where _ -> {
                    LOG.warn("protocol {}: import filters are not evaluated yet; importing all", protocol.name());
                    yield ImportFilter.ALL;
                }
            };
        }

        @Override
        public ExportFilter exportFilter(BirdConfig config, BgpProtocol protocol) {
            return switch (protocol.exportPolicy()) {
                case RoutePolicy.All _ -> ExportFilter.ALL;
                case RoutePolicy.None _ -> (target, route) -> false;
                case RoutePolicy.Named _, RoutePolicy.Where _ -> {
                    LOG.warn("protocol {}: export filters are not evaluated yet; exporting all", protocol.name());
                    yield ExportFilter.ALL;
                }
            };
        }
    };
}
