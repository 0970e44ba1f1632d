package io.listeningpost.ingest.read;

import io.listeningpost.core.config.SourceSpec;
import java.io.Serializable;

/**
 * A byte range of one input file, the unit of parallel reading. A split owns the lines that start
 * in [start, end); a whole-document file is one split from 0 to its length.
 */
public record SourceSplit(SourceSpec source, String path, long start, long end, long fileLength)
    implements Serializable {}
