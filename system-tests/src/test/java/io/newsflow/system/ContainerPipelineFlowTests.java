package io.newsflow.system;

import io.newsflow.testsupport.ContainerInfrastructure;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The same flows against real apache/kafka and mongo images; skipped where no Docker
 * engine answers.
 */
@EnabledIf("io.newsflow.testsupport.ContainerInfrastructure#dockerAvailable")
class ContainerPipelineFlowTests extends PipelineFlowTests {

    @Override
    NewsflowSystem system() {
        return NewsflowSystem.on(ContainerInfrastructure.shared());
    }

}
