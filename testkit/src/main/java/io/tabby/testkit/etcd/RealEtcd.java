package io.tabby.testkit.etcd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class one real etcd, started before its first test and stopped after
 * its last. Tests receive it as an {@link EtcdServer} parameter (constructor, {@code @BeforeAll},
 * {@code @BeforeEach} or test method).
 *
 * <p>Where etcd comes from: {@code TABBY_TEST_ETCD} (comma-separated endpoints of an etcd you
 * run), else the {@code etcd} binary on {@code PATH}, else a Docker container. With none of
 * them, or when the source cannot give what the class asks for, the class is skipped with the
 * reason; {@code TABBY_REQUIRE_ALL=1} turns that skip into a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EtcdExtension.class)
public @interface RealEtcd {

    /** The server requires TLS client certificates ({@link EtcdServer#tls()} has the files). */
    boolean tls() default false;

    /** Authentication is on, with a root user ({@link EtcdServer#rootCredentials()}). */
    boolean auth() default false;
}
