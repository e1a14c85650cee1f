package io.tabby.bird.filter;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.FilterDefinition;
import io.tabby.bird.config.FilterStatement;
import io.tabby.bird.config.RoutePolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs the filters and functions of one parsed configuration. Immutable and stateless between
 * calls, so one engine serves every thread; a reconfiguration builds a new one.
 *
 * <pre>{@code
 * RouteFilterEngine filters = new RouteFilterEngine(config);
 * FilterVerdict v = filters.run(kernel.exportPolicy(), FilterRoute.of(prefix, "Mesh_10_0_0_2").withBgpNextHop(nh));
 * }</pre>
 */
public final class RouteFilterEngine {

    private static final Logger LOG = LogManager.getLogger(RouteFilterEngine.class);

    /** Functions cannot recurse (they are defined before use), but nesting is bounded anyway. */
    private static final int MAX_CALL_DEPTH = 64;

    /** Type each writable attribute must hold; attributes not listed take any value. */
    private static final Map<String, Class<? extends FilterValue>> ATTRIBUTE_TYPES = Map.of(
            "gw", FilterValue.Ip.class, "bgp_next_hop", FilterValue.Ip.class, "krt_prefsrc", FilterValue.Ip.class,
            "preference", FilterValue.Num.class, "bgp_local_pref", FilterValue.Num.class,
            "bgp_med", FilterValue.Num.class, "krt_metric", FilterValue.Num.class, "krt_realm", FilterValue.Num.class,
            "krt_tunnel", FilterValue.Str.class);

    private final Map<String, FilterDefinition> filters;
    private final Map<String, FilterDefinition> functions;

    public RouteFilterEngine(BirdConfig config) {
        this(requireNonNull(config, "config is null").filters(), config.functions());
    }

    public RouteFilterEngine(Map<String, FilterDefinition> filters, Map<String, FilterDefinition> functions) {
        this.filters = Map.copyOf(requireNonNull(filters, "filters is null"));
        this.functions = Map.copyOf(requireNonNull(functions, "functions is null"));
    }

    /** Applies an import or export policy to {@code route}. */
    public FilterVerdict run(RoutePolicy policy, FilterRoute route) {
        requireNonNull(policy, "policy is null");
        requireNonNull(route, "route is null");
        return switch (policy) {
            case RoutePolicy.All all -> new FilterVerdict.Accepted(route);
            case RoutePolicy.None none -> new FilterVerdict.Rejected("rejected by 'none'", false);
            case RoutePolicy.Named named -> runFilter(named.filter(), route);
            case RoutePolicy.Where where -> runWhere(where, route);
        };
    }

    /** Runs the filter called {@code name}. */
    public FilterVerdict runFilter(String name, FilterRoute route) {
        FilterDefinition filter = filters.get(name);
        if (filter == null) {
            return error(name, route, "no filter named " + name);
        }
        Run run = new Run(route);
        try {
            Flow flow = run.block(filter.body());
            return switch (flow) {
                case Flow.Decide decide -> decide.accept()
                        ? new FilterVerdict.Accepted(run.route)
                        : new FilterVerdict.Rejected(decide.reason().orElse("rejected by filter " + name), false);
                case Flow.Next next -> error(name, route, "filter " + name + " did not return accept nor reject");
                case Flow.Return ret -> error(name, route, "return outside a function in filter " + name);
            };
        } catch (FilterRuntimeException e) {
            return error(name, route, e.getMessage());
        }
    }

    private FilterVerdict runWhere(RoutePolicy.Where where, FilterRoute route) {
        Run run = new Run(route);
        try {
            return run.expressions.test(where.condition(), route)
                    ? new FilterVerdict.Accepted(run.route)
                    : new FilterVerdict.Rejected("rejected by 'where'", false);
        } catch (FilterRuntimeException e) {
            return error("where", route, e.getMessage());
        } catch (ExpressionEvaluator.Decided decided) {
            return decided.decision.accept()
                    ? new FilterVerdict.Accepted(run.route)
                    : new FilterVerdict.Rejected(decided.decision.reason().orElse("rejected by 'where'"), false);
        }
    }

    private static FilterVerdict error(String filter, FilterRoute route, String message) {
        LOG.warn("filter {}: route {} from {}: {}; the route is rejected", filter, route.net(), route.protocol(), message);
        return new FilterVerdict.Rejected(message, true);
    }

    /** One evaluation: the route as modified so far and the call depth. */
    private final class Run {

        FilterRoute route;
        int depth;
        final ExpressionEvaluator expressions = new ExpressionEvaluator(this::callForValue);

        Run(FilterRoute route) {
            this.route = route;
        }

        Flow block(List<FilterStatement> body) throws FilterRuntimeException {
            for (FilterStatement statement : body) {
                Flow flow = statement(statement);
                if (!(flow instanceof Flow.Next)) {
                    return flow;
                }
            }
            return Flow.Next.INSTANCE;
        }

        private Flow statement(FilterStatement statement) throws FilterRuntimeException {
            try {
                return switch (statement) {
                    case FilterStatement.Accept accept -> new Flow.Decide(true, accept.reason());
                    case FilterStatement.Reject reject -> new Flow.Decide(false, reject.reason());
                    case FilterStatement.Return ret -> new Flow.Return(ret.value().isPresent()
                            ? Optional.of(expressions.evaluate(ret.value().get(), route)) : Optional.empty());
                    case FilterStatement.If branch -> block(expressions.test(branch.condition(), route)
                            ? branch.then() : branch.otherwise());
                    case FilterStatement.CallFunction call -> {
                        Flow flow = invoke(call.function());
                        yield flow instanceof Flow.Decide ? flow : Flow.Next.INSTANCE;
                    }
                    case FilterStatement.Assign assign -> {
                        assign(assign.attribute(), expressions.evaluate(assign.value(), route));
                        yield Flow.Next.INSTANCE;
                    }
                };
            } catch (ExpressionEvaluator.Decided decided) {
                return decided.decision;
            }
        }

        private void assign(String attribute, FilterValue value) throws FilterRuntimeException {
            Class<? extends FilterValue> type = ATTRIBUTE_TYPES.get(attribute);
            if (type != null && !type.isInstance(value)) {
                throw new FilterRuntimeException("cannot assign " + value.typeName() + " to " + attribute);
            }
            route = route.with(attribute, value);
        }

        private Flow invoke(String name) throws FilterRuntimeException {
            FilterDefinition function = functions.get(name);
            if (function == null) {
                throw new FilterRuntimeException("no function named " + name);
            }
            if (++depth > MAX_CALL_DEPTH) {
                throw new FilterRuntimeException("functions nested deeper than " + MAX_CALL_DEPTH);
            }
            try {
                return block(function.body());
            } finally {
                depth--;
            }
        }

        private Optional<FilterValue> callForValue(String name) throws FilterRuntimeException, ExpressionEvaluator.Decided {
            Flow flow = invoke(name);
            return switch (flow) {
                case Flow.Return ret -> ret.value();
                case Flow.Decide decide -> throw new ExpressionEvaluator.Decided(decide);
                case Flow.Next next -> Optional.empty();
            };
        }
    }
}
