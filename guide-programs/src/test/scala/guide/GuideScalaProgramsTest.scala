package guide

import java.time.Duration
import java.util.concurrent.ConcurrentLinkedQueue

import dev.kafkadirect.testkit.KafkaCluster
import org.apache.kafka.clients.producer.ProducerRecord
import org.apache.spark.SparkConf
import org.apache.spark.streaming.{Milliseconds, StreamingContext}
import org.apache.spark.streaming.scheduler.{StreamingListener, StreamingListenerBatchCompleted}
import org.awaitility.Awaitility.await
import org.junit.jupiter.api.Assertions.{assertEquals, assertTrue}
import org.junit.jupiter.api.extension.ExtendWith
import org.junit.jupiter.api.{AfterEach, BeforeEach, Test}

import scala.collection.JavaConverters._

/**
 * The guide's Scala programs. Each test holds the guide's lines unchanged between "guide:" and "end of
 * guide" comments; the code around them starts a streaming context, produces records after the stream
 * has started (the guide's streams begin at "latest") and checks what the lines did. Lines the harness
 * adds inside a guide block are marked "harness:".
 */
@ExtendWith(Array(classOf[GuideBroker]))
class GuideScalaProgramsTest {
  private var streamingContext: StreamingContext = _
  private def sparkContext = streamingContext.sparkContext
  private val seen = new ConcurrentLinkedQueue[String]()
  private val batches = new ConcurrentLinkedQueue[String]()

  @BeforeEach
  def startSpark(): Unit = {
    streamingContext = new StreamingContext(new SparkConf().setMaster("local[2]").setAppName("GuideScalaProgramsTest")
      .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
      .set("spark.driver.bindAddress", "127.0.0.1"), Milliseconds(500))
    streamingContext.addStreamingListener(new StreamingListener {
      override def onBatchCompleted(batch: StreamingListenerBatchCompleted): Unit = batches.add("batch")
    })
  }

  @AfterEach
  def stopSpark(): Unit = streamingContext.stop(stopSparkContext = true, stopGracefully = false)

  @Test
  def creatingADirectStream(kafka: KafkaCluster): Unit = {
    // guide: Creating a Direct Stream (Scala)
    import org.apache.kafka.clients.consumer.ConsumerRecord
    import org.apache.kafka.common.serialization.StringDeserializer
    import org.apache.spark.streaming.kafka010._
    import org.apache.spark.streaming.kafka010.LocationStrategies.PreferConsistent
    import org.apache.spark.streaming.kafka010.ConsumerStrategies.Subscribe
    val kafkaParams = Map[String, Object](
      "bootstrap.servers" -> "localhost:9092,anotherhost:9092",
      "key.deserializer" -> classOf[StringDeserializer],
      "value.deserializer" -> classOf[StringDeserializer],
      "group.id" -> "use_a_separate_group_id_for_each_stream",
      "auto.offset.reset" -> "latest",
      "enable.auto.commit" -> (false: java.lang.Boolean)
    )
    val topics = Array("topicA", "topicB")
    val stream = KafkaUtils.createDirectStream[String, String](
      streamingContext,
      PreferConsistent,
      Subscribe[String, String](topics, kafkaParams)
    )
    stream.map(record => (record.key, record.value))
    // end of guide
    stream.map(record => (record.key, record.value)).foreachRDD { rdd =>
      rdd.collect().foreach { case (key, value) => seen.add(s"$key=$value") }
    }
    startAndProduce(kafka, "scala-direct")

    await().atMost(Duration.ofSeconds(60)).until(() => mine("scala-direct").size >= 20)
    assertEquals((0 until 20).map(i => s"k$i=scala-direct-$i").toSet, mine("scala-direct").toSet)
  }

  @Test
  def creatingAnRDD(kafka: KafkaCluster): Unit = {
    import org.apache.kafka.clients.consumer.ConsumerRecord
    import org.apache.spark.streaming.kafka010._
    import org.apache.spark.streaming.kafka010.LocationStrategies.PreferConsistent
    val kafkaParams = GuideScalaProgramsTest.guideKafkaParams
    // guide: Creating an RDD (Scala). Apache's module does not compile its last line (createRDD takes only a
    // java.util.Map there); ours takes the guide's Scala Map.
    // Import dependencies and create kafka params as in Create Direct Stream above
    val offsetRanges = Array(
      // topic, partition, inclusive starting offset, exclusive ending offset
      OffsetRange("test", 0, 0, 100),
      OffsetRange("test", 1, 0, 100)
    )
    val rdd = KafkaUtils.createRDD[String, String](sparkContext, kafkaParams, offsetRanges, PreferConsistent)
    // end of guide

    val values = rdd.map((record: ConsumerRecord[String, String]) => record.value).collect().toSeq
    assertEquals((0 until 200 by 2).map(i => s"test-$i") ++ (1 until 200 by 2).map(i => s"test-$i"), values)
  }

  @Test
  def obtainingOffsets(kafka: KafkaCluster): Unit = {
    import org.apache.spark.TaskContext // harness: the guide's snippet uses TaskContext without importing it
    import org.apache.spark.streaming.kafka010._
    val stream = GuideScalaProgramsTest.guideStream(streamingContext)
    val printed = new ConcurrentLinkedQueue[String]()
    val printedId = GuideScalaProgramsTest.register(printed)
    def println(line: String): Unit = GuideScalaProgramsTest.printedTo(printedId).add(line) // harness: captures println
    // guide: Obtaining Offsets (Scala)
    stream.foreachRDD { rdd =>
      val offsetRanges = rdd.asInstanceOf[HasOffsetRanges].offsetRanges
      rdd.foreachPartition { iter =>
        val o: OffsetRange = offsetRanges(TaskContext.get.partitionId)
        println(s"${o.topic} ${o.partition} ${o.fromOffset} ${o.untilOffset}")
      }
    }
    // end of guide
    stream.foreachRDD(rdd => rdd.map(_.value).collect().foreach(seen.add))
    startAndProduce(kafka, "scala-offsets")

    await().atMost(Duration.ofSeconds(60)).until(() => mine("scala-offsets").size >= 20)
    val end = GuideScalaProgramsTest.endOffsets(kafka)
    await().atMost(Duration.ofSeconds(10)).until(() =>
      end.forall { case (tp, until) => printed.asScala.exists(_.matches(s"${tp.topic} ${tp.partition} \\d+ $until")) })
  }

  @Test
  def storingOffsetsInKafka(kafka: KafkaCluster): Unit = {
    import org.apache.spark.streaming.kafka010._
    val stream = GuideScalaProgramsTest.guideStream(streamingContext)
    stream.foreachRDD(rdd => rdd.map(_.value).collect().foreach(seen.add))
    // guide: Kafka itself (Scala)
    stream.foreachRDD { rdd =>
      val offsetRanges = rdd.asInstanceOf[HasOffsetRanges].offsetRanges
      // some time later, after outputs have completed
      stream.asInstanceOf[CanCommitOffsets].commitAsync(offsetRanges)
    }
    // end of guide
    startAndProduce(kafka, "scala-commit")

    await().atMost(Duration.ofSeconds(60)).until(() => mine("scala-commit").size >= 20)
    val end = GuideScalaProgramsTest.endOffsets(kafka)
    await().atMost(Duration.ofSeconds(30)).until(() =>
      kafka.committedOffsets("use_a_separate_group_id_for_each_stream").asScala.map { case (k, v) => k -> v.longValue } == end)
  }

  @Test
  def storingOffsetsInYourOwnDataStore(kafka: KafkaCluster): Unit = {
    import org.apache.kafka.clients.consumer.ConsumerRecord
    import org.apache.kafka.common.TopicPartition
    import org.apache.spark.rdd.RDD
    import org.apache.spark.streaming.kafka010._
    import org.apache.spark.streaming.kafka010.LocationStrategies.PreferConsistent
    import org.apache.spark.streaming.kafka010.ConsumerStrategies.Assign
    val kafkaParams = GuideScalaProgramsTest.guideKafkaParams
    val database = new OffsetsDatabase("guide-scala")
    try {
      database.seed("topicA", 0, 0)
      database.seed("topicA", 1, 0)
      val selectOffsetsFromYourDatabase = GuideScalaProgramsTest.rows(database)
      def yourCalculation(rdd: RDD[ConsumerRecord[String, String]]): Seq[String] = rdd.map(_.value).collect().toSeq
      // guide: Your own data store (Scala)
      // The details depend on your data store, but the general idea looks like this
      // begin from the offsets committed to the database
      val fromOffsets = selectOffsetsFromYourDatabase.map { resultSet =>
        new TopicPartition(resultSet.string("topic"), resultSet.int("partition")) -> resultSet.long("offset")
      }.toMap
      val stream = KafkaUtils.createDirectStream[String, String](
        streamingContext,
        PreferConsistent,
        Assign[String, String](fromOffsets.keys.toList, kafkaParams, fromOffsets)
      )
      stream.foreachRDD { rdd =>
        val offsetRanges = rdd.asInstanceOf[HasOffsetRanges].offsetRanges
        val results = yourCalculation(rdd)
        // begin your transaction
        // update results
        database.insertResults(results.asJava) // harness
        // update offsets where the end of existing offsets matches the beginning of this batch of offsets
        val updated = offsetRanges.map(o => database.advance(o.topic, o.partition, o.fromOffset, o.untilOffset)).sum // harness
        // assert that offsets were updated correctly
        if (updated != offsetRanges.length) { database.rollback(); throw new IllegalStateException("offsets do not match") } // harness
        // end your transaction
        database.commit() // harness
      }
      // end of guide
      streamingContext.start()
      kafka.produce(20, (i: Int) => new ProducerRecord[String, String]("topicA", i % 2, null, s"scala-store-$i"))
      val end = GuideScalaProgramsTest.endOffsets(kafka).filter(_._1.topic == "topicA")

      await().atMost(Duration.ofSeconds(60)).until(() =>
        end.forall { case (tp, until) => database.offsetOf(tp.topic, tp.partition) == until })
      streamingContext.stop(stopSparkContext = false, stopGracefully = true)
      val expected = kafka.readAll("topicA", "read_uncommitted").asScala.map(_.value)
      assertEquals(expected.sorted, database.results().asScala.sorted)
      assertTrue(database.results().asScala.exists(_.startsWith("scala-store-")))
    } finally {
      database.close()
    }
  }

  @Test
  def sslParameters(kafka: KafkaCluster): Unit = {
    import org.apache.kafka.clients.consumer.ConsumerRecord
    import org.apache.spark.streaming.kafka010._
    // guide: SSL / TLS (Scala)
    val kafkaParams = Map[String, Object](
      // the usual params, make sure to change the port in bootstrap.servers if 9092 is not TLS
      "security.protocol" -> "SSL",
      "ssl.truststore.location" -> "/some-directory/kafka.client.truststore.jks",
      "ssl.truststore.password" -> "test1234",
      "ssl.keystore.location" -> "/some-directory/kafka.client.keystore.jks",
      "ssl.keystore.password" -> "test1234",
      "ssl.key.password" -> "test1234"
    )
    // end of guide
    val usual = GuideScalaProgramsTest.guideKafkaParams + ("bootstrap.servers" -> kafka.sslBootstrapServers)
    val rdd = KafkaUtils.createRDD[String, String](sparkContext, usual ++ kafkaParams,
      Array(OffsetRange("test", 1, 0, 3)), LocationStrategies.PreferConsistent)

    assertEquals(Seq("test-1", "test-3", "test-5"), rdd.map((record: ConsumerRecord[String, String]) => record.value).collect().toSeq)
  }

  private def startAndProduce(kafka: KafkaCluster, prefix: String): Unit = {
    streamingContext.start()
    await().atMost(Duration.ofSeconds(60)).until(() => !batches.isEmpty)
    kafka.produce(20, (i: Int) =>
      new ProducerRecord[String, String](if (i % 2 == 0) "topicA" else "topicB", (i / 2) % 2, s"k$i", s"$prefix-$i"))
  }

  private def mine(prefix: String): Seq[String] = seen.asScala.filter(_.contains(s"$prefix-")).toSeq
}

object GuideScalaProgramsTest {
  import org.apache.kafka.common.TopicPartition
  import org.apache.kafka.common.serialization.StringDeserializer
  import org.apache.spark.streaming.kafka010._

  /** The kafkaParams of "Creating a Direct Stream", for snippets that say to create them as there. */
  val guideKafkaParams: Map[String, Object] = Map[String, Object](
    "bootstrap.servers" -> "localhost:9092,anotherhost:9092",
    "key.deserializer" -> classOf[StringDeserializer],
    "value.deserializer" -> classOf[StringDeserializer],
    "group.id" -> "use_a_separate_group_id_for_each_stream",
    "auto.offset.reset" -> "latest",
    "enable.auto.commit" -> (false: java.lang.Boolean)
  )

  def guideStream(ssc: StreamingContext) = KafkaUtils.createDirectStream[String, String](ssc,
    LocationStrategies.PreferConsistent, ConsumerStrategies.Subscribe[String, String](Array("topicA", "topicB"), guideKafkaParams))

  def endOffsets(kafka: KafkaCluster): Map[TopicPartition, Long] =
    (kafka.endOffsets("topicA").asScala ++ kafka.endOffsets("topicB").asScala).map { case (k, v) => k -> v.longValue }.toMap

  /** A row of the offsets table with the accessors the guide calls. */
  final class Row(topic: String, partition: Int, offset: Long) {
    def string(column: String): String = topic
    def int(column: String): Int = partition
    def long(column: String): Long = offset
  }

  def rows(database: OffsetsDatabase): Seq[Row] = {
    val resultSet = database.selectOffsets()
    try {
      Iterator.continually(resultSet).takeWhile(_.next())
        .map(row => new Row(row.getString("topic"), row.getInt("partition"), row.getLong("offset"))).toList
    } finally resultSet.getStatement.close()
  }

  // Lines printed by tasks, by test: tasks run in this JVM (local mode), so they can reach it.
  private val printedLines = new java.util.concurrent.ConcurrentHashMap[Int, ConcurrentLinkedQueue[String]]()
  private val ids = new java.util.concurrent.atomic.AtomicInteger()
  def register(queue: ConcurrentLinkedQueue[String]): Int = { val id = ids.incrementAndGet(); printedLines.put(id, queue); id }
  def printedTo(id: Int): ConcurrentLinkedQueue[String] = printedLines.get(id)
}
