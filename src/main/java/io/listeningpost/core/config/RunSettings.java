package io.listeningpost.core.config;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How runs are dated and judged: the time zone whose yesterday is the default run date, the share of
 * quarantined posts above which a run is only a partial success, and how old another host's lock
 * heartbeat must be before the lock is taken over.
 */
public record RunSettings(ZoneId timeZone, double maxQuarantineShare, Duration lockStaleAfter) {}
