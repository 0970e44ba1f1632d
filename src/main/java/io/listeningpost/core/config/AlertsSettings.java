package io.listeningpost.core.config;

import java.io.Serializable;

/** The alerts stage's settings; see the alerts.* keys in docs/config.md. */
public record AlertsSettings(boolean enabled, int lookbackDays, int spikeDays, int baselineDays, double spikeZ,
    int spikeMinPosts, int highSpread, long highReach) implements Serializable {}
