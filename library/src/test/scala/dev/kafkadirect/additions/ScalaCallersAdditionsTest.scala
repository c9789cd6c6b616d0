package dev.kafkadirect.additions

import java.time.Duration
import java.util.concurrent.ConcurrentLinkedQueue

import dev.kafkadirect.testkit.{KafkaCluster, KafkaClusterExtension}
import dev.kafkadirect.bounded.GroupBacklog
import dev.kafkadirect.time.{NoRecordAtTime, TimestampRanges, TimestampStrategies}
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.serialization.StringDeserializer
import org.apache.spark.{SparkConf, SparkContext}
import org.apache.spark.streaming.{Milliseconds, StreamingContext}
import org.apache.spark.streaming.kafka010.{HasOffsetRanges, KafkaUtils, OffsetRange}
import org.apache.spark.streaming.kafka010.LocationStrategies.PreferConsistent
import org.awaitility.Awaitility.await
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.{AfterEach, Test}
import org.junit.jupiter.api.extension.ExtendWith

import scala.collection.JavaConverters._

/** The Scala examples of docs/beyond-the-guide.md, compiled by scalac against our Java API, on a real broker. */
@ExtendWith(Array(classOf[KafkaClusterExtension]))
class ScalaCallersAdditionsTest {
  private val base = System.currentTimeMillis() - 3600000L
  private var streamingContext: StreamingContext = _
  private val seen = new ConcurrentLinkedQueue[String]()
  private val batchSizes = new ConcurrentLinkedQueue[Long]()

  @AfterEach
  def stop(): Unit = if (streamingContext != null) streamingContext.stop(stopSparkContext = true, stopGracefully = false)

  private def conf = new SparkConf().setMaster("local[2]").setAppName("ScalaCallersAdditionsTest")
    .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")

  private def kafkaParamsOf(kafka: KafkaCluster, groupId: String) = Map[String, Object](
    "bootstrap.servers" -> kafka.bootstrapServers,
    "key.deserializer" -> classOf[StringDeserializer],
    "value.deserializer" -> classOf[StringDeserializer],
    "group.id" -> groupId,
    "auto.offset.reset" -> "earliest",
    "enable.auto.commit" -> (false: java.lang.Boolean)
  )

  /** 30 records in one partition, one second apart from `base`. */
  private def timedTopic(kafka: KafkaCluster, topic: String): Unit = {
    kafka.createTopic(topic, 1)
    kafka.produce(30, (i: Int) => new ProducerRecord[String, String](topic, 0, base + i * 1000L, null, s"v$i"))
  }

  @Test
  def aStreamStartsAtATimeAndReadsAtMostTheCapPerBatch(kafka: KafkaCluster): Unit = {
    timedTopic(kafka, "scala-time-stream")
    streamingContext = new StreamingContext(conf, Milliseconds(500))
    val kafkaParams = kafkaParamsOf(kafka, "scala-time-stream") ++ Map[String, Object](
      "dev.kafkadirect.maxRecordsPerBatch" -> "4",
      "dev.kafkadirect.consumerCache.idleTimeout" -> "5min")
    val stream = KafkaUtils.createDirectStream[String, String](streamingContext, PreferConsistent,
      TimestampStrategies.Subscribe[String, String](Array("scala-time-stream"), kafkaParams,
        base + 20000L, NoRecordAtTime.LATEST))
    stream.foreachRDD { rdd =>
      batchSizes.add(rdd.asInstanceOf[HasOffsetRanges].offsetRanges.map(_.count).sum)
      rdd.map(_.value).collect().foreach(seen.add)
    }
    streamingContext.start()

    await().atMost(Duration.ofSeconds(60)).until(() => seen.size >= 10)
    assertEquals((20 until 30).map(i => s"v$i").toSet, seen.asScala.toSet)
    assertEquals(10, seen.size)
    assertEquals(List(4L, 4L, 2L), batchSizes.asScala.toList.filter(_ > 0).take(3))
  }

  @Test
  def rangesBetweenTwoTimesFeedCreateRDD(kafka: KafkaCluster): Unit = {
    timedTopic(kafka, "scala-time-between")
    val kafkaParams = kafkaParamsOf(kafka, "scala-time-between")
    val sc = new SparkContext(conf)
    try {
      val ranges = TimestampRanges.between(kafkaParams, Array("scala-time-between"), base + 3000L, base + 6000L)
      assertEquals(List(OffsetRange("scala-time-between", 0, 3, 6)), ranges.toList)
      val values = KafkaUtils.createRDD[String, String](sc, kafkaParams.asJava, ranges, PreferConsistent).map(_.value).collect()
      assertEquals(List("v3", "v4", "v5"), values.toList)
    } finally {
      sc.stop()
    }
  }

  @Test
  def aGroupsBacklogFeedsCreateRDDAndIsCommittedAfter(kafka: KafkaCluster): Unit = {
    timedTopic(kafka, "scala-backlog")
    val kafkaParams = kafkaParamsOf(kafka, "scala-backlog")
    val sc = new SparkContext(conf)
    try {
      val backlog = GroupBacklog.of(kafkaParams, Array("scala-backlog"))
      val rdd = KafkaUtils.createRDD[String, String](sc, kafkaParams.asJava, backlog.offsetRanges, PreferConsistent)
      assertEquals(30L, rdd.map(_.value).distinct().count())
      backlog.commit()
      assertEquals(30L, kafka.committedOffsets("scala-backlog").asScala.values.map(_.longValue).sum)
    } finally {
      sc.stop()
    }
  }
}
