package io.newsflow.system;

import io.newsflow.testsupport.EmbeddedInfrastructure;

/**
 * The pipeline flows on the JVM's embedded Kafka broker and MongoDB server (what CI
 * runs).
 */
class EmbeddedPipelineFlowTests extends PipelineFlowTests {

    @Override
    NewsflowSystem system() {
        return NewsflowSystem.on(EmbeddedInfrastructure.shared());
    }

}
