package dev.kafkadirect.testkit.broker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls into the broker's classes, which this module compiles without: they are on the child JVM's classpath only.
 */
final class Reflection {
    private Reflection() {
    }

    /**
     * Calls a public static method, unwrapping what it throws.
     *
     * @return what the method returned
     */
    static Object invokeStatic(String className, String methodName, Class<?>[] types, Object... args)
            throws Exception {
        Method method = Class.forName(className).getMethod(methodName, types);
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }
}
