package io.tabby.testkit.etcd;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit 5 extension behind {@link RealEtcd}: one etcd per test class, kept in the class's
 * extension store, closed after the class's last test. Nested classes share their outer
 * class's etcd.
 *
 * <p>etcd starts when JUnit decides whether the class runs at all: when no etcd can be had, the
 * class is reported as skipped with the reason (surefire lists a skipped class; a class aborted
 * later, in {@code beforeAll} or its constructor, would vanish from the report), and under
 * {@code TABBY_REQUIRE_ALL=1} it fails instead.
 */
public final class EtcdExtension implements ExecutionCondition, TestInstancePreConstructCallback, BeforeAllCallback,
        AfterAllCallback, ParameterResolver {

    private static final Logger LOG = LogManager.getLogger(EtcdExtension.class);
    private static final Namespace NAMESPACE = Namespace.create(EtcdExtension.class);
    private static final String SERVER = "etcd";

    private final Function<EtcdOptions, ManagedEtcd> opener;

    /** The extension as {@link RealEtcd} registers it: etcd from the environment. */
    public EtcdExtension() {
        this(options -> EtcdSources.fromSystem().open(options));
    }

    /** An extension that gets its etcd from {@code opener} (for tests of the testkit). */
    EtcdExtension(Function<EtcdOptions, ManagedEtcd> opener) {
        this.opener = requireNonNull(opener, "opener is null");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("etcd is decided per class");
        }
        try {
            return ConditionEvaluationResult.enabled("etcd: " + server(context));
        } catch (TestAbortedException unavailable) {
            return ConditionEvaluationResult.disabled(unavailable.getMessage());
        }
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        server(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // remove() looks only at this class's own store, so a nested class leaves its outer etcd alone
        ManagedEtcd server = context.getStore(NAMESPACE).remove(SERVER, ManagedEtcd.class);
        if (server != null) {
            LOG.info("closing {} after {}", server, context.getDisplayName());
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EtcdServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext);
    }

    /** The class's etcd, started on first use (a per-class test instance is built before beforeAll). */
    private ManagedEtcd server(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(SERVER, key -> {
            EtcdOptions options = AnnotationSupport.findAnnotation(classContext.getRequiredTestClass(), RealEtcd.class)
                    .map(EtcdOptions::of)
                    .orElse(EtcdOptions.plain());
            ManagedEtcd server = opener.apply(options);
            LOG.info("{} for {}", server, classContext.getDisplayName());
            return server;
        }, ManagedEtcd.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent()) {
            Optional<ExtensionContext> parent = current.getParent();
            if (parent.isEmpty()) {
                break;
            }
            current = parent.get();
        }
        return current;
    }
}
