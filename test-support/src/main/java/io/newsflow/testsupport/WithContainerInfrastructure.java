package io.newsflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.test.context.ContextConfiguration;

/**
 * Connects a {@code @SpringBootTest} to real Kafka and MongoDB containers; the test is
 * skipped where no Docker engine answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EnabledIf("io.newsflow.testsupport.ContainerInfrastructure#dockerAvailable")
@ContextConfiguration(initializers = InfrastructureProperties.Containers.class)
public @interface WithContainerInfrastructure {

}
