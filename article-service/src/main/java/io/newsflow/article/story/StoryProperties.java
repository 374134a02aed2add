package io.newsflow.article.story;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of story grouping.
 *
 * @param interval the pause between two regroupings when nothing is queued
 * @param batch how many queued articles one regrouping takes
 * @param lease how long one instance holds the right to regroup without renewing it;
 * another instance takes over once it lapses
 */
@ConfigurationProperties("newsflow.stories")
public record StoryProperties(@DefaultValue("200ms") Duration interval, @DefaultValue("500") int batch,
        @DefaultValue("30s") Duration lease) {
}
