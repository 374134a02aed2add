package io.newsflow.projection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the read-model machinery.
 *
 * @param tombstoneRetention how long a removed entity's tombstone is kept; an event older
 * than the removal that arrives later than this could bring the entity back, so keep it
 * above the topic's compaction lag and the longest replay you expect
 * @param tombstonePurgeInterval how often expired tombstones are deleted
 * @param readModelRefreshInterval how often an instance checks which collection it should
 * serve (after another instance switched it by a rebuild)
 * @param rebuildGrace how long a rebuild keeps tailing the topic into the new collection
 * after the switch; at least twice the refresh interval
 * @param queryTimeout the longest the store may work on one query of the read API
 * (MongoDB's {@code maxTimeMS}); a query that needs longer is answered 503
 * @param summaryMaxAge how old the summaries over a whole collection (outlets, boards)
 * may be
 * @param instanceId this instance's stable name in the consumer group (Kafka static
 * membership, {@code group.instance.id}); an instance restarted under the same name takes
 * its partitions back at once instead of waiting out the dead member's session. Unique
 * per running instance (a container's hostname, a StatefulSet pod's name); empty: dynamic
 * membership
 */
@ConfigurationProperties("newsflow.projection")
public record ProjectionProperties(@DefaultValue("30d") Duration tombstoneRetention,
        @DefaultValue("1h") Duration tombstonePurgeInterval, @DefaultValue("5s") Duration readModelRefreshInterval,
        @DefaultValue("15s") Duration rebuildGrace, @DefaultValue("3s") Duration queryTimeout,
        @DefaultValue("10s") Duration summaryMaxAge, @DefaultValue("") String instanceId) {
}
