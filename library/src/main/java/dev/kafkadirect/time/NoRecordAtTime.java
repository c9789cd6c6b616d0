package dev.kafkadirect.time;

/**
 * What a start by timestamp does with a partition that has no record at or after the time asked (every record
 * in it is older, or it is empty).
 */
public enum NoRecordAtTime {
    /** Start the partition at its latest offset: only records produced from now on are read from it. */
    LATEST,
    /** Fail, naming the partitions and the time, before anything is read. */
    FAIL
}
