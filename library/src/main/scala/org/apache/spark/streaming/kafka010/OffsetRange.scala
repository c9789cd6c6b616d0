package org.apache.spark.streaming.kafka010

import org.apache.kafka.common.TopicPartition

/**
 * A range of offsets of one Kafka topic-partition: from `fromOffset` (inclusive) to `untilOffset`
 * (exclusive). Immutable and serializable.
 *
 * This is the one class of the library written in Scala: the guide's Scala programs write
 * `OffsetRange("test", 0, 0, 100)`, which Scala only turns into a call for a Scala companion object.
 * Java callers use the companion's static forwarders:
 * {{{
 *   OffsetRange range = OffsetRange.create("test", 0, 0, 100);
 * }}}
 *
 * @param topic       Kafka topic name
 * @param partition   Kafka partition id
 * @param fromOffset  inclusive starting offset
 * @param untilOffset exclusive ending offset
 */
final class OffsetRange private (
    val topic: String,
    val partition: Int,
    val fromOffset: Long,
    val untilOffset: Long) extends Serializable {

  OffsetRange.validate(topic, partition, fromOffset, untilOffset)

  /** The Kafka topic-partition of this range. */
  def topicPartition(): TopicPartition = new TopicPartition(topic, partition)

  /** Number of offsets in the range (records, where the partition has no gaps). */
  def count(): Long = untilOffset - fromOffset

  /** (topic, partition, fromOffset, untilOffset), as Apache's `private[streaming]` member of this name gives. */
  private[streaming] def toTuple: (String, Int, Long, Long) = (topic, partition, fromOffset, untilOffset)

  override def equals(other: Any): Boolean = other match {
    case that: OffsetRange =>
      topic == that.topic && partition == that.partition &&
        fromOffset == that.fromOffset && untilOffset == that.untilOffset
    case _ => false
  }

  override def hashCode(): Int = {
    var result = topic.hashCode
    result = 31 * result + partition
    result = 31 * result + java.lang.Long.hashCode(fromOffset)
    31 * result + java.lang.Long.hashCode(untilOffset)
  }

  override def toString(): String =
    s"OffsetRange(topic: '$topic', partition: $partition, range: [$fromOffset -> $untilOffset])"
}

/** Creates [[OffsetRange]]s: `OffsetRange(...)` from Scala, `OffsetRange.create(...)` from either. */
object OffsetRange {
  def create(topic: String, partition: Int, fromOffset: Long, untilOffset: Long): OffsetRange =
    new OffsetRange(topic, partition, fromOffset, untilOffset)

  def create(topicPartition: TopicPartition, fromOffset: Long, untilOffset: Long): OffsetRange =
    new OffsetRange(requireTopicPartition(topicPartition).topic, topicPartition.partition, fromOffset, untilOffset)

  def apply(topic: String, partition: Int, fromOffset: Long, untilOffset: Long): OffsetRange =
    create(topic, partition, fromOffset, untilOffset)

  def apply(topicPartition: TopicPartition, fromOffset: Long, untilOffset: Long): OffsetRange =
    create(topicPartition, fromOffset, untilOffset)

  /** From a (topic, partition, fromOffset, untilOffset) tuple. */
  def apply(range: (String, Int, Long, Long)): OffsetRange =
    create(range._1, range._2, range._3, range._4)

  private def requireTopicPartition(topicPartition: TopicPartition): TopicPartition = {
    if (topicPartition == null) {
      throw new IllegalArgumentException("Invalid offset range: topicPartition must not be null")
    }
    topicPartition
  }

  private def validate(topic: String, partition: Int, fromOffset: Long, untilOffset: Long): Unit = {
    def fail(reason: String): Nothing = throw new IllegalArgumentException(
      s"Invalid offset range topic=$topic partition=$partition fromOffset=$fromOffset untilOffset=$untilOffset: $reason")
    if (topic == null) fail("topic must not be null")
    if (topic.isEmpty) fail("topic must not be empty")
    if (partition < 0) fail("partition must be >= 0")
    if (fromOffset < 0) fail("fromOffset must be >= 0")
    if (untilOffset < 0) fail("untilOffset must be >= 0")
    if (fromOffset > untilOffset) fail("fromOffset must be <= untilOffset")
  }
}
