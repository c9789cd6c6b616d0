package org.apache.spark.streaming.kafka010

import java.time.Duration
import java.util.concurrent.ConcurrentLinkedQueue

import dev.kafkadirect.testkit.{KafkaCluster, KafkaClusterExtension}
import org.apache.kafka.clients.consumer.ConsumerRecord
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.TopicPartition
import org.apache.kafka.common.serialization.StringDeserializer
import org.apache.spark.{SparkConf, TaskContext}
import org.apache.spark.streaming.{Milliseconds, StreamingContext}
import org.apache.spark.streaming.kafka010.ConsumerStrategies.{Assign, Subscribe}
import org.apache.spark.streaming.kafka010.LocationStrategies.PreferConsistent
import org.awaitility.Awaitility.await
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.{AfterEach, Test}
import org.junit.jupiter.api.extension.ExtendWith

import scala.collection.JavaConverters._

/** The guide's Scala stream lines, compiled by scalac against our Java API, on a real broker. */
@ExtendWith(Array(classOf[KafkaClusterExtension]))
class ScalaCallersDirectStreamTest {
  private var streamingContext: StreamingContext = _
  private val seen = new ConcurrentLinkedQueue[String]()

  @AfterEach
  def stop(): Unit = if (streamingContext != null) streamingContext.stop(stopSparkContext = true, stopGracefully = false)

  private def newStreamingContext(): StreamingContext = {
    streamingContext = new StreamingContext(new SparkConf().setMaster("local[2]").setAppName("ScalaCallersDirectStreamTest")
      .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
      .set("spark.driver.bindAddress", "127.0.0.1"), Milliseconds(500))
    streamingContext
  }

  private def guideKafkaParams(kafka: KafkaCluster, groupId: String) = Map[String, Object](
    "bootstrap.servers" -> kafka.bootstrapServers,
    "key.deserializer" -> classOf[StringDeserializer],
    "value.deserializer" -> classOf[StringDeserializer],
    "group.id" -> groupId,
    "auto.offset.reset" -> "earliest",
    "enable.auto.commit" -> (false: java.lang.Boolean)
  )

  @Test
  def subscribeReadsBothTopicsAndCommitAsyncStoresTheOffsets(kafka: KafkaCluster): Unit = {
    kafka.createTopic("scalaTopicA", 2)
    kafka.createTopic("scalaTopicB", 1)
    kafka.produce(10, (i: Int) => new ProducerRecord[String, String]("scalaTopicA", i % 2, s"a$i", s"A$i"))
    kafka.produce(5, (i: Int) => new ProducerRecord[String, String]("scalaTopicB", 0, s"b$i", s"B$i"))
    val kafkaParams = guideKafkaParams(kafka, "scala-subscribe")
    val topics = Array("scalaTopicA", "scalaTopicB")
    val stream = KafkaUtils.createDirectStream[String, String](
      newStreamingContext(),
      PreferConsistent,
      Subscribe[String, String](topics, kafkaParams)
    )
    val pairs = stream.map(record => (record.key, record.value))
    pairs.foreachRDD { rdd => rdd.collect().foreach { case (key, value) => seen.add(s"$key=$value") } }
    stream.foreachRDD { rdd =>
      val offsetRanges = rdd.asInstanceOf[HasOffsetRanges].offsetRanges
      rdd.foreachPartition { iter =>
        val o: OffsetRange = offsetRanges(TaskContext.get.partitionId)
        println(s"${o.topic} ${o.partition} ${o.fromOffset} ${o.untilOffset}")
      }
    }
    stream.foreachRDD { rdd =>
      val offsetRanges = rdd.asInstanceOf[HasOffsetRanges].offsetRanges
      // some time later, after outputs have completed
      stream.asInstanceOf[CanCommitOffsets].commitAsync(offsetRanges)
    }
    streamingContext.start()

    await().atMost(Duration.ofSeconds(60)).until(() => seen.size >= 15)
    streamingContext.stop(stopSparkContext = true, stopGracefully = true)
    streamingContext = null

    assertEquals(((0 until 10).map(i => s"a$i=A$i") ++ (0 until 5).map(i => s"b$i=B$i")).toSet, seen.asScala.toSet)
    assertEquals(15, seen.size)
    assertEquals(Map(new TopicPartition("scalaTopicA", 0) -> 5L, new TopicPartition("scalaTopicA", 1) -> 5L),
      kafka.committedOffsets("scala-subscribe").asScala.filter(_._1.topic == "scalaTopicA").map { case (k, v) => k -> v.longValue })
  }

  @Test
  def assignStartsAtTheOffsetsOfAScalaMap(kafka: KafkaCluster): Unit = {
    kafka.createTopic("scalaAssign", 2)
    kafka.produce(20, (i: Int) => new ProducerRecord[String, String]("scalaAssign", i % 2, null, s"v$i"))
    val kafkaParams = guideKafkaParams(kafka, "scala-assign")
    val fromOffsets = Map(new TopicPartition("scalaAssign", 0) -> 8L, new TopicPartition("scalaAssign", 1) -> 9L)
    val stream = KafkaUtils.createDirectStream[String, String](
      newStreamingContext(),
      PreferConsistent,
      Assign[String, String](fromOffsets.keys.toList, kafkaParams, fromOffsets)
    )
    stream.foreachRDD { rdd =>
      rdd.map((record: ConsumerRecord[String, String]) => s"${record.partition}:${record.offset}").collect().foreach(seen.add)
    }
    streamingContext.start()

    await().atMost(Duration.ofSeconds(60)).until(() => seen.size >= 3)
    assertEquals(Set("0:8", "0:9", "1:9"), seen.asScala.toSet)
  }
}
