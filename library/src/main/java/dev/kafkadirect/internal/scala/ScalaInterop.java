package dev.kafkadirect.internal.scala;

import scala.collection.JavaConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between Java and Scala collections, kept in one class so that Scala version differences
 * (2.12 and 2.13) live in one place.
 */
public final class ScalaInterop {
    private ScalaInterop() {
    }

    /** @return a mutable Java copy of a Scala map */
    public static <K, V> Map<K, V> toJavaMap(scala.collection.Map<K, V> map) {
        return new HashMap<>(JavaConverters.mapAsJavaMap(map));
    }

    /** @return a Java copy of a Scala map whose value type Scala callers see as Any/AnyRef (null stays null) */
    @SuppressWarnings("unchecked")
    public static <K> Map<K, Object> toJavaObjectMap(scala.collection.Map<K, ?> map) {
        if (map == null) {
            return null;
        }
        return new HashMap<>(JavaConverters.mapAsJavaMap((scala.collection.Map<K, Object>) map));
    }

    /** @return a Java copy of a Scala iterable (a Seq, a List, or an Array Scala wrapped for the call) */
    public static <T> List<T> toJavaList(scala.collection.Iterable<T> iterable) {
        if (iterable == null) {
            return null;
        }
        return new ArrayList<>(JavaConverters.asJavaCollection(iterable));
    }

    /** @return an immutable Scala map with the Java map's entries */
    public static <K, V> scala.collection.immutable.Map<K, V> toScalaImmutableMap(Map<K, V> map) {
        scala.collection.immutable.Map<K, V> result = scala.collection.immutable.Map$.MODULE$.empty();
        for (Map.Entry<K, V> entry : map.entrySet()) {
            result = result.updated(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /** @return a Java copy of a Scala sequence */
    public static <T> List<T> toJavaList(scala.collection.Seq<T> seq) {
        return new ArrayList<>(JavaConverters.seqAsJavaList(seq));
    }

    /** @return an immutable Scala sequence with the list's elements */
    public static <T> scala.collection.immutable.Seq<T> toScalaSeq(List<T> list) {
        return JavaConverters.asScalaBuffer(list).toList();
    }

    /** @return a Scala view of a Java iterator */
    public static <T> scala.collection.Iterator<T> toScalaIterator(java.util.Iterator<T> iterator) {
        return JavaConverters.asScalaIterator(iterator);
    }

    /** @return the empty Scala sequence */
    @SuppressWarnings("unchecked")
    public static <T> scala.collection.immutable.Seq<T> emptySeq() {
        return (scala.collection.immutable.Seq<T>) (Object) scala.collection.immutable.Nil$.MODULE$;
    }

    /** @return a class tag for a (possibly generic) class */
    @SuppressWarnings("unchecked")
    public static <T> ClassTag<T> classTag(Class<?> type) {
        return (ClassTag<T>) ClassTag$.MODULE$.apply(type);
    }
}
