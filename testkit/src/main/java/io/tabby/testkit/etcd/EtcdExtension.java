package io.tabby.testkit.etcd;

import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link RealEtcd}: one etcd per test class, kept in the class's
 * extension store, closed after the class's last test. Nested classes share their outer
 * class's etcd.
 */
public final class EtcdExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Logger LOG = LogManager.getLogger(EtcdExtension.class);
    private static final Namespace NAMESPACE = Namespace.create(EtcdExtension.class);
    private static final String SERVER = "etcd";

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
    private static ManagedEtcd server(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(SERVER, key -> {
            EtcdOptions options = AnnotationSupport.findAnnotation(classContext.getRequiredTestClass(), RealEtcd.class)
                    .map(EtcdOptions::of)
                    .orElse(EtcdOptions.plain());
            ManagedEtcd server = EtcdSources.fromSystem().open(options);
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
