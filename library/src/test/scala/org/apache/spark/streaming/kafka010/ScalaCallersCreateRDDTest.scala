package org.apache.spark.streaming.kafka010

import dev.kafkadirect.testkit.{KafkaCluster, KafkaClusterExtension}
import org.apache.kafka.clients.consumer.ConsumerRecord
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.kafka.common.TopicPartition
import org.apache.kafka.common.serialization.StringDeserializer
import org.apache.spark.{SparkConf, SparkContext, TaskContext}
import org.apache.spark.streaming.kafka010.LocationStrategies.{PreferConsistent, PreferFixed}
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.{AfterAll, BeforeAll, Test, TestInstance}
import org.junit.jupiter.api.extension.ExtendWith

/** The guide's Scala syntax for batch reads, compiled by scalac against our Java API, on a real broker. */
@ExtendWith(Array(classOf[KafkaClusterExtension]))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScalaCallersCreateRDDTest {
  private var sparkContext: SparkContext = _

  @BeforeAll
  def startSpark(kafka: KafkaCluster): Unit = {
    sparkContext = new SparkContext(new SparkConf().setMaster("local[2]").setAppName("ScalaCallersCreateRDDTest")
      .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
      .set("spark.driver.bindAddress", "127.0.0.1"))
    kafka.createTopic("test", 2)
    kafka.produce(200, (i: Int) => new ProducerRecord[String, String]("test", i % 2, s"k$i", s"v$i"))
  }

  @AfterAll
  def stopSpark(): Unit = sparkContext.stop()

  private def guideKafkaParams(kafka: KafkaCluster) = Map[String, Object](
    "bootstrap.servers" -> kafka.bootstrapServers,
    "key.deserializer" -> classOf[StringDeserializer],
    "value.deserializer" -> classOf[StringDeserializer],
    "group.id" -> "use_a_separate_group_id_for_each_stream",
    "auto.offset.reset" -> "latest",
    "enable.auto.commit" -> (false: java.lang.Boolean)
  )

  @Test
  def guideCreateRDDLinesReadTheRanges(kafka: KafkaCluster): Unit = {
    val kafkaParams = guideKafkaParams(kafka)
    val offsetRanges = Array(
      // topic, partition, inclusive starting offset, exclusive ending offset
      OffsetRange("test", 0, 0, 100),
      OffsetRange("test", 1, 0, 100)
    )
    val rdd = KafkaUtils.createRDD[String, String](sparkContext, kafkaParams, offsetRanges, PreferConsistent)

    val values = rdd.map((record: ConsumerRecord[String, String]) => record.value).collect().toSeq
    assertEquals((0 until 200 by 2).map(i => s"v$i") ++ (1 until 200 by 2).map(i => s"v$i"), values)
    val ranges = rdd.asInstanceOf[HasOffsetRanges].offsetRanges
    assertEquals(Seq("test 0 0 100", "test 1 0 100"),
      ranges.map(o => s"${o.topic} ${o.partition} ${o.fromOffset} ${o.untilOffset}").toSeq)
  }

  @Test
  def eachTaskFindsItsRangeByPartitionId(kafka: KafkaCluster): Unit = {
    val offsetRanges = Array(OffsetRange("test", 1, 10, 20), OffsetRange(new TopicPartition("test", 0), 5, 7))
    val rdd = KafkaUtils.createRDD[String, String](sparkContext, guideKafkaParams(kafka), offsetRanges,
      PreferFixed(Map(new TopicPartition("test", 0) -> "127.0.0.1")))

    val seen = rdd.mapPartitions { iter =>
      val o: OffsetRange = offsetRanges(TaskContext.get.partitionId)
      Iterator(s"${o.topic} ${o.partition} ${o.fromOffset} ${o.untilOffset} ${iter.size}")
    }.collect().toSeq

    assertEquals(Seq("test 1 10 20 10", "test 0 5 7 2"), seen)
  }

  @Test
  def invalidRangeNamesTheRange(): Unit = {
    assertThatThrownBy(() => OffsetRange("test", 0, 9, 3))
      .hasMessage("Invalid offset range topic=test partition=0 fromOffset=9 untilOffset=3: fromOffset must be <= untilOffset")
  }
}
