package dev.kafkadirect.compat

import java.util.concurrent.ConcurrentLinkedQueue
import java.util.regex.Pattern
import java.{util => ju}

import org.apache.kafka.clients.consumer.{Consumer, ConsumerRecord, KafkaConsumer, OffsetAndMetadata, OffsetCommitCallback}
import org.apache.kafka.common.TopicPartition
import org.apache.kafka.common.serialization.StringDeserializer
import org.apache.spark.SparkContext
import org.apache.spark.streaming.{Milliseconds, StreamingContext}
import org.apache.spark.streaming.kafka010._
import org.apache.spark.streaming.kafka010.ConsumerStrategies.{Assign, Subscribe, SubscribePattern}
import org.apache.spark.streaming.kafka010.LocationStrategies.{PreferBrokers, PreferConsistent, PreferFixed}

import scala.collection.JavaConverters._

/**
 * A Scala application compiled against Apache's spark-streaming-kafka-0-10 (its calls go through
 * `KafkaUtils$.MODULE$` and the other module classes), run by the tests against Kafka Direct's jar.
 */
object ScalaApp {
  def kafkaParams(bootstrapServers: String, groupId: String): Map[String, Object] = Map[String, Object](
    "bootstrap.servers" -> bootstrapServers,
    "key.deserializer" -> classOf[StringDeserializer],
    "value.deserializer" -> classOf[StringDeserializer],
    "group.id" -> groupId,
    "auto.offset.reset" -> "earliest",
    "enable.auto.commit" -> (false: java.lang.Boolean))

  /** createRDD with each location strategy it accepts and each way of making an OffsetRange. */
  def batch(sc: SparkContext, bootstrapServers: String, topic: String): Seq[String] = {
    val params = kafkaParams(bootstrapServers, "compat-scala-batch").asJava
    val ranges = Array(
      OffsetRange(topic, 0, 0, 3),
      OffsetRange.create(new TopicPartition(topic, 1), 0, 2),
      OffsetRange(new TopicPartition(topic, 0), 3, 5),
      OffsetRange.create(topic, 1, 2, 4))
    val hosts = Map(new TopicPartition(topic, 0) -> "127.0.0.1")
    val consistent = KafkaUtils.createRDD[String, String](sc, params, ranges, PreferConsistent)
    val fixed = KafkaUtils.createRDD[String, String](sc, params, ranges, PreferFixed(hosts))
    val fixedJava = KafkaUtils.createRDD[String, String](sc, params, ranges, PreferFixed(hosts.asJava))
    val described = consistent.asInstanceOf[HasOffsetRanges].offsetRanges.toSeq
      .map(o => s"${o.topic}-${o.partition} ${o.fromOffset}-${o.untilOffset} (${o.count})")
    described ++ Seq(consistent, fixed, fixedJava)
      .map(_.map((record: ConsumerRecord[String, String]) => record.value).collect().mkString(","))
  }

  /** Reads the topic's records through every consumer strategy variant; one line per variant. */
  def streams(sc: SparkContext, bootstrapServers: String, topic: String, records: Int): Seq[String] = {
    val partitions = List(new TopicPartition(topic, 0), new TopicPartition(topic, 1))
    val fromTwo = Map(partitions.head -> 2L, partitions(1) -> 2L)
    def params(variant: String) = kafkaParams(bootstrapServers, s"compat-scala-$variant")
    val perPartition = new PerPartitionConfig {
      override def maxRatePerPartition(topicPartition: TopicPartition): Long = 1000
    }
    val custom = new ConsumerStrategy[String, String] {
      private val customParams = params("custom").asJava
      override def executorKafkaParams(): ju.Map[String, Object] = customParams
      override def onStart(currentOffsets: ju.Map[TopicPartition, java.lang.Long]): Consumer[String, String] = {
        val consumer = new KafkaConsumer[String, String](customParams)
        consumer.assign(partitions.asJava)
        consumer.seekToBeginning(partitions.asJava)
        consumer
      }
    }
    Seq(
      "Subscribe" -> read(sc, Subscribe[String, String](Array(topic), params("subscribe")), PreferConsistent, None, records),
      "Subscribe+offsets" -> read(sc, Subscribe[String, String](Array(topic), params("subscribe-offsets"), fromTwo),
        PreferConsistent, None, records - 4),
      "SubscribePattern" -> read(sc, SubscribePattern[String, String](Pattern.compile(Pattern.quote(topic)), params("pattern")),
        PreferBrokers, None, records),
      "SubscribePattern+offsets" -> read(sc, SubscribePattern[String, String](Pattern.compile(Pattern.quote(topic)),
        params("pattern-offsets"), fromTwo), PreferConsistent, Some(perPartition), records - 4),
      "Assign" -> read(sc, Assign[String, String](partitions, params("assign")), PreferConsistent, None, records),
      "Assign+offsets" -> read(sc, Assign[String, String](partitions, params("assign-offsets"), fromTwo),
        PreferFixed(Map(partitions.head -> "127.0.0.1")), None, records - 4),
      "Subscribe(java)" -> read(sc, Subscribe[String, String](ju.Arrays.asList(topic), params("subscribe-java").asJava),
        PreferConsistent, None, records),
      "custom" -> read(sc, custom, PreferConsistent, None, records)
    ).map { case (variant, seen) => s"$variant: ${seen.size} records, first ${seen.head}, last ${seen.last}" }
  }

  private def read(sc: SparkContext, strategy: ConsumerStrategy[String, String], location: LocationStrategy,
                   perPartition: Option[PerPartitionConfig], expected: Int): Seq[String] = {
    val ssc = new StreamingContext(sc, Milliseconds(500))
    val stream = perPartition match {
      case Some(config) => KafkaUtils.createDirectStream[String, String](ssc, location, strategy, config)
      case None => KafkaUtils.createDirectStream[String, String](ssc, location, strategy)
    }
    val seen = new ConcurrentLinkedQueue[String]()
    stream.foreachRDD { rdd =>
      val offsetRanges = rdd.asInstanceOf[HasOffsetRanges].offsetRanges
      rdd.map(record => s"${record.partition}:${record.offset}").collect().foreach(seen.add)
      stream.asInstanceOf[CanCommitOffsets].commitAsync(offsetRanges)
      stream.asInstanceOf[CanCommitOffsets].commitAsync(offsetRanges, new OffsetCommitCallback {
        override def onComplete(offsets: ju.Map[TopicPartition, OffsetAndMetadata], exception: Exception): Unit = ()
      })
    }
    ssc.start()
    val deadline = System.nanoTime() + 60L * 1000 * 1000 * 1000
    while (seen.size < expected && System.nanoTime() < deadline) {
      ssc.awaitTerminationOrTimeout(50)
    }
    ssc.stop(stopSparkContext = false, stopGracefully = true)
    seen.asScala.toSeq.sorted
  }
}
