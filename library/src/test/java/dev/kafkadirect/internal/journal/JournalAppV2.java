package dev.kafkadirect.internal.journal;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * Version 2 of the journal test's application, run as its own JVM. It recovers from its Spark checkpoint
 * when it can, and otherwise (createOnError) starts a new context, whose stream continues from the journal.
 */
public final class JournalAppV2 {
    private JournalAppV2() {
    }

    public static void main(String[] args) throws Exception {
        JavaStreamingContext ssc = JavaStreamingContext.getOrCreate(args[2], () -> {
            JavaStreamingContext context = JournalAppSupport.newContext("JournalAppV2");
            JournalAppSupport.createStream(context, args).foreachRDD((rdd, time) ->
                    JournalAppSupport.writeBatch(rdd, time, args[4], "v2"));
            return context;
        }, new Configuration(), true);
        JournalAppSupport.run(ssc);
    }
}
