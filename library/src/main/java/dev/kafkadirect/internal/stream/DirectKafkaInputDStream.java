package dev.kafkadirect.internal.stream;

import dev.kafkadirect.StreamCannotContinueException;
import dev.kafkadirect.internal.consumer.ExecutorKafkaParams;
import dev.kafkadirect.internal.consumer.ReadSettings;
import dev.kafkadirect.internal.config.Settings;
import dev.kafkadirect.internal.journal.JournalRecorder;
import dev.kafkadirect.internal.journal.OffsetJournal;
import dev.kafkadirect.internal.metrics.BatchReport;
import dev.kafkadirect.internal.metrics.LagWatch;
import dev.kafkadirect.internal.placement.Executors;
import dev.kafkadirect.internal.placement.PlacementPolicy;
import dev.kafkadirect.internal.rdd.KafkaRDD;
import dev.kafkadirect.internal.scala.ScalaInterop;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import dev.kafkadirect.internal.security.KerberosPreflight;
import dev.kafkadirect.internal.security.SecurityErrors;
import dev.kafkadirect.internal.strategy.PausesOnAssignment;
import dev.kafkadirect.internal.time.Ticker;
import dev.kafkadirect.metrics.BatchMetrics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.dstream.DStreamCheckpointData;
import org.apache.spark.streaming.dstream.InputDStream;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.streaming.kafka010.PerPartitionConfig;
import org.apache.spark.streaming.scheduler.RateController;
import org.apache.spark.streaming.scheduler.rate.RateEstimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A direct stream of Kafka records: each batch, the driver plans one offset range per partition, from
 * where the previous batch ended to the latest offset within the rate limits, and the batch's RDD reads
 * those ranges on the executors. Its state (the offsets after the last generated batch and the ranges of
 * batches not yet completed) is saved with Spark checkpoints, so a restarted driver replays unfinished
 * batches exactly. Offsets are committed from the driver through {@link CanCommitOffsets}.
 */
public final class DirectKafkaInputDStream<K, V> extends InputDStream<ConsumerRecord<K, V>> implements CanCommitOffsets {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DirectKafkaInputDStream.class);
    static final String INITIAL_RATE = Settings.BACKPRESSURE_INITIAL_RATE.key();

    private final PlacementPolicy placement;
    private final ConsumerStrategy<K, V> consumerStrategy;
    private final PerPartitionConfig perPartitionConfig;
    private final HashMap<String, Object> executorKafkaParams;
    private final DirectStreamCheckpointData<K, V> checkpoint;
    /** Present when spark.streaming.backpressure.enabled is true. */
    private final Option<RateController> rateController;
    /** Records per second for the first batch under backpressure; 0 when unset. */
    private final long initialRate;
    /** Where the next batch starts, per partition; saved with checkpoints. Guarded by this. */
    private HashMap<TopicPartition, Long> currentOffsets = new HashMap<>();
    private transient CommitQueue commitQueue = new CommitQueue();
    /** Present between start and stop. Guarded by this. */
    private transient RunningParts<K, V> running;
    /** Null unless dev.kafkadirect.offsetJournal is set. */
    private final OffsetJournal journal;
    /** Plans each batch from where the stream stands and what the driver's consumer reports. Guarded by this. */
    private final BatchPlanner planner;
    /** Present after start when the journal is on. Guarded by this. */
    private transient JournalRecorder journalRecorder;
    /** Batches of growing lag after which to warn; 0 for never. */
    private final int lagWarningBatches;
    private transient LagWatch lagWatch;
    /** Where a bounded stream ends (dev.kafkadirect.boundedRun); null when it has no end. Guarded by this. */
    private final BoundedRun boundedRun;
    /** Present while a bounded stream runs. Guarded by this. */
    private transient BoundedRunStop boundedRunStop;
    /** Set when a batch met an error the stream cannot continue after; later batches fail with it. Guarded by this. */
    private transient StreamCannotContinueException cannotContinue;
    /**
     * The executors' read settings, read from the conf by the first batch after the stream started or was restored
     * from a checkpoint (Spark's conf does not change while an application runs; reading it copies the whole conf).
     */
    private transient ReadSettings readSettings;
    /** Polls the driver consumer between batches, giving way to planning. */
    private transient GroupKeepUp groupKeepUp = new GroupKeepUp(this, Ticker.SYSTEM);

    /**
     * @param ssc the streaming context
     * @param placement where ranges run
     * @param consumerStrategy the driver consumer's topics and starting offsets
     * @param perPartitionConfig rate limits per partition
     */
    public DirectKafkaInputDStream(StreamingContext ssc, PlacementPolicy placement, ConsumerStrategy<K, V> consumerStrategy,
                                   PerPartitionConfig perPartitionConfig) {
        super(ssc, ScalaInterop.classTag(ConsumerRecord.class));
        this.placement = placement;
        this.consumerStrategy = consumerStrategy;
        this.perPartitionConfig = perPartitionConfig;
        Map<String, Object> userParams = consumerStrategy.executorKafkaParams();
        this.executorKafkaParams = new HashMap<>(ExecutorKafkaParams.adjust(userParams));
        // Fail at createDirectStream, not at the first batch, when a setting is bad; the first batch reads them again.
        ReadSettings.from(ssc.conf(), userParams);
        this.checkpoint = new DirectStreamCheckpointData<>(this);
        StreamOptions options = StreamOptions.from(ssc.conf(), userParams);
        this.lagWarningBatches = options.lagWarningBatches();
        this.lagWatch = new LagWatch(lagWarningBatches);
        this.journal = options.offsetJournal().map(OffsetJournal::new).orElse(null);
        this.rateController = Settings.BACKPRESSURE_ENABLED.from(ssc.conf())
                ? Option.apply(new DirectRateController(id(), RateEstimator.create(ssc.conf(), slideDuration())))
                : Option.empty();
        this.initialRate = initialRate(ssc.conf());
        Object groupId = userParams.get(ConsumerConfig.GROUP_ID_CONFIG);
        this.boundedRun = options.boundedRun() ? new BoundedRun() : null;
        this.planner = new BatchPlanner(id(), groupId == null ? null : groupId.toString(), perPartitionConfig,
                slideDuration().milliseconds(), options.maxRecordsPerBatch(), boundedRun);
    }

    /** @return the backpressure rate before the estimator has one, in records per second; 0 when unset */
    static long initialRate(SparkConf conf) {
        long rate = Settings.BACKPRESSURE_INITIAL_RATE.optionalFrom(conf).orElse(0L);
        if (rate < 0) {
            throw new IllegalArgumentException(INITIAL_RATE + " must be >= 0 but was " + rate);
        }
        return rate;
    }

    @Override
    public Option<RateController> rateController() {
        return rateController;
    }

    @Override
    public DStreamCheckpointData<ConsumerRecord<K, V>> checkpointData() {
        return checkpoint;
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            return;
        }
        warnWhenBatchesOutlastTheGroupSession();
        KerberosPreflight.check(executorKafkaParams);
        if (journal != null) {
            startJournal();
        }
        if (boundedRun != null && boundedRunStop == null) {
            boundedRunStop = BoundedRunStop.started(id(), boundedRun, ssc());
            ssc().addStreamingListener(boundedRunStop);
        }
        try {
            running = RunningParts.open(id(), () -> new DriverConsumer<>(
                    consumerStrategy.onStart(Collections.unmodifiableMap(new HashMap<>(currentOffsets))),
                    StreamOptions.from(ssc().conf(), consumerStrategy.executorKafkaParams()).groupJoinTimeout(),
                    ExpiredCommits.of(id(), consumerStrategy.executorKafkaParams()),
                    consumerStrategy instanceof PausesOnAssignment));
            DriverConsumer<K, V> driver = running.driver();
            Set<TopicPartition> assignment = currentOffsets.isEmpty() ? driver.awaitInitialAssignment()
                    : driver.awaitRestoredAssignment(currentOffsets.keySet(), sessionTimeout().plusSeconds(15));
            driver.requireExistingPartitions(assignment);
            currentOffsets.putAll(planner.journalledStarts(assignment));
            Set<TopicPartition> unknown = new HashSet<>(assignment);
            unknown.removeAll(currentOffsets.keySet());
            currentOffsets.putAll(driver.positions(unknown));
        } catch (RuntimeException e) {
            abandonStart(e);
            throw SecurityErrors.explain(e, executorKafkaParams);
        }
        LOG.info("Direct stream {} starts at {}", id(), PartitionOrder.sorted(currentOffsets));
    }

    /** Releases what a failed start made. */
    private void abandonStart(RuntimeException cause) {
        try {
            stop();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public synchronized void stop() {
        if (boundedRunStop != null) {
            boundedRunStop.cancel();
            ssc().removeStreamingListener(boundedRunStop);
            boundedRunStop = null;
        }
        if (running == null) {
            return;
        }
        try {
            running.driver().commitSync(commitQueue.drain());
        } finally {
            running.close();
            running = null;
        }
    }

    @Override
    public Option<RDD<ConsumerRecord<K, V>>> compute(Time validTime) {
        return groupKeepUp.plan(() -> computeHoldingLock(validTime));
    }

    /** Called with this stream's lock held. */
    private Option<RDD<ConsumerRecord<K, V>>> computeHoldingLock(Time validTime) {
        if (running == null) {
            // A context recovered from a checkpoint generates batches without starting its input streams.
            start();
        }
        if (journalRecorder != null) {
            journalRecorder.requireWritable();
        }
        if (cannotContinue != null) {
            throw cannotContinue;
        }
        try {
            return Option.apply(planExplainingTimeouts(validTime));
        } catch (StreamCannotContinueException e) {
            cannotContinue = e;
            throw e;
        } catch (AuthenticationException | AuthorizationException e) {
            throw SecurityErrors.explain(e, executorKafkaParams);
        }
    }

    /** Plans one batch; a Kafka timeout becomes the error that names its cause (deleted partitions or brokers). */
    private KafkaRDD<K, V> planExplainingTimeouts(Time validTime) {
        try {
            return plan(validTime);
        } catch (TimeoutException e) {
            planner.stopIfPartitionsWereDeleted(running.driver(), currentOffsets);
            throw PlanningFailure.brokersUnreachable(id(), validTime.milliseconds(), executorKafkaParams, e);
        }
    }

    /** Plans one batch: its ranges from where the last one ended to the latest offsets, within the rate limits. */
    private KafkaRDD<K, V> plan(Time validTime) {
        DriverConsumer<K, V> driver = running.driver();
        driver.commitAsync(commitQueue.drain());
        PlannedBatch batch = planner.plan(driver, currentOffsets, backpressureRate());
        Map<TopicPartition, String> leaderHosts = placement.needsLeaderHosts()
                ? driver.leaderHosts(batch.partitions()) : Collections.emptyMap();
        OffsetRange[] ranges = batch.ranges();
        KafkaRDD<K, V> rdd = newRdd(ranges, leaderHosts);
        reportBatch(validTime, ranges, batch.latest(), rdd);
        currentOffsets = new HashMap<>(batch.until());
        if (boundedRun != null && boundedRun.finalBatch(validTime.milliseconds(), batch.until())) {
            LOG.info("Direct stream {} batch {} reads to the end offsets seen at start; the stream stops once it"
                    + " completes", id(), validTime.milliseconds());
        }
        if (journalRecorder != null) {
            journalRecorder.batchPlanned(validTime.milliseconds(), batch.until());
        }
        groupKeepUp.queue(running.groupPoller(), this::keepUpWithGroup);
        return rdd;
    }

    /**
     * Between batches, called with this stream's lock held: lets the driver consumer's group make progress, so
     * planning itself never waits for it.
     *
     * @return false when the stream stopped or the poll failed
     */
    private boolean keepUpWithGroup(java.time.Duration time) {
        if (running == null) {
            return false;
        }
        try {
            running.driver().keepUpWithGroup(time);
            return true;
        } catch (RuntimeException e) {
            // The next batch's own poll meets the same error and fails the batch with it.
            LOG.warn("Direct stream {}: polling the driver consumer between batches failed: {}", id(), e.toString());
            return false;
        }
    }

    /** Tells the UI, the metrics source, metrics listeners (when the batch completes) and the log about a new batch. */
    private void reportBatch(Time validTime, OffsetRange[] ranges, Map<TopicPartition, Long> latest, KafkaRDD<K, V> rdd) {
        scala.collection.immutable.Seq<OffsetRange> listed = ScalaInterop.toScalaSeq(Arrays.asList(ranges));
        BatchReport report = new BatchReport(id(), validTime.milliseconds(), listed, latest,
                totalLag -> lagWatch.observe(id(), totalLag), rdd.readAccumulator());
        running.metrics().update(report);
        ssc().scheduler().inputInfoTracker().reportInfo(validTime, BatchInfo.of(id(), listed, latest, report));
        if (!LOG.isInfoEnabled()) {
            return; // its arguments go over every partition again (0.3 ms a batch at 5,000 partitions)
        }
        BatchMetrics planned = report.metrics();
        LOG.info("Direct stream {} batch {}: {} records from {} partitions in {} tasks; max lag {}{}, total lag {}", id(),
                validTime.milliseconds(), planned.plannedRecords(), ranges.length, rdd.getNumPartitions(),
                planned.maxLag(), planned.maxLagPartition().map(partition -> " at " + partition.partition()).orElse(""),
                planned.totalLag());
    }

    /**
     * Without offsets from a checkpoint, continues from the journal's last completed batch (the upgrade
     * case: a new build could not load the old checkpoint); then journals every completed batch.
     */
    private void startJournal() {
        if (currentOffsets.isEmpty()) {
            journal.latest(ssc().sparkContext().hadoopConfiguration()).ifPresent(entry -> {
                LOG.info("Direct stream {} has no checkpointed offsets and continues from the {} after the completed"
                        + " batch of {}, in the partitions its consumer strategy reads: {}", id(), journal,
                        Instant.ofEpochMilli(entry.batchTime()), PartitionOrder.sorted(entry.offsets()));
                planner.resumeFromJournal(entry.offsets());
            });
        }
        if (journalRecorder == null) {
            journalRecorder = new JournalRecorder(journal, ssc().sparkContext().hadoopConfiguration());
            ssc().addStreamingListener(journalRecorder);
        }
    }

    /** @return the estimated rate, or the initial rate until there is one; empty without backpressure */
    private OptionalLong backpressureRate() {
        if (rateController.isEmpty()) {
            return OptionalLong.empty();
        }
        long latestRate = rateController.get().getLatestRate();
        if (latestRate > 0) {
            return OptionalLong.of(latestRate);
        }
        return initialRate > 0 ? OptionalLong.of(initialRate) : OptionalLong.empty();
    }

    @Override
    public void commitAsync(OffsetRange[] offsetRanges) {
        commitAsync(offsetRanges, null);
    }

    @Override
    public void commitAsync(OffsetRange[] offsetRanges, OffsetCommitCallback callback) {
        commitQueue.add(offsetRanges, callback);
    }

    /** An RDD reading the given ranges with this stream's settings (also for batches restored from a checkpoint). */
    KafkaRDD<K, V> newRdd(OffsetRange[] ranges, Map<TopicPartition, String> leaderHosts) {
        if (readSettings == null) {
            readSettings = ReadSettings.from(ssc().conf(), consumerStrategy.executorKafkaParams());
        }
        return new KafkaRDD<>(ssc().sparkContext(), executorKafkaParams, ranges, placement,
                Executors.of(ssc().sparkContext()), leaderHosts, readSettings);
    }

    private java.time.Duration sessionTimeout() {
        return java.time.Duration.ofMillis(millis(consumerStrategy.executorKafkaParams(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45_000));
    }

    private void warnWhenBatchesOutlastTheGroupSession() {
        Map<String, Object> params = consumerStrategy.executorKafkaParams();
        long batchMillis = slideDuration().milliseconds();
        long sessionTimeout = sessionTimeout().toMillis();
        long maxPollInterval = millis(params, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000);
        if (batchMillis > sessionTimeout || batchMillis > maxPollInterval) {
            LOG.warn("The batch interval ({} ms) is longer than session.timeout.ms ({} ms) or max.poll.interval.ms"
                    + " ({} ms): the driver's consumer may be dropped from its group between batches. Raise"
                    + " session.timeout.ms, heartbeat.interval.ms and max.poll.interval.ms in kafkaParams (and"
                    + " group.max.session.timeout.ms on the brokers) above the batch interval.",
                    batchMillis, sessionTimeout, maxPollInterval);
        }
    }

    private static long millis(Map<String, Object> params, String key, long defaultValue) {
        Object value = params.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of milliseconds but was '" + value + "'", e);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        commitQueue = new CommitQueue();
        lagWatch = new LagWatch(lagWarningBatches);
        groupKeepUp = new GroupKeepUp(this, Ticker.SYSTEM);
    }
}
