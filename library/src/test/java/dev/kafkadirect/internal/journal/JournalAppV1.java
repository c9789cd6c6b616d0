package dev.kafkadirect.internal.journal;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * Version 1 of the journal test's application, run as its own JVM. It recovers from its Spark checkpoint
 * when it can, and otherwise (createOnError) starts a new context, whose stream continues from the journal.
 */
public final class JournalAppV1 {
    private JournalAppV1() {
    }

    public static void main(String[] args) throws Exception {
        JavaStreamingContext ssc = JavaStreamingContext.getOrCreate(args[2], () -> {
            JavaStreamingContext context = JournalAppSupport.newContext("JournalAppV1");
            JournalAppSupport.createStream(context, args).foreachRDD((rdd, time) ->
                    JournalAppSupport.writeBatch(rdd, time, args[4], "v1"));
            return context;
        }, new Configuration(), true);
        JournalAppSupport.run(ssc);
    }
}
