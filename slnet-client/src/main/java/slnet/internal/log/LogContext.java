package slnet.internal.log;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import org.slf4j.MDC;
import slnet.time.ScheduledTask;
import slnet.time.Scheduler;

/**
 * Whose work a thread is doing, for the log: one per client, naming its agent once it is known.
 * Work started on the client's behalf is wrapped ({@link #wrap(Runnable)}, {@link #wrap(Scheduler)},
 * {@link #wrap(ThreadFactory)}) so that every log line made while it runs carries the agent in the
 * MDC under {@link #AGENT}; work handed on inside a client ({@link #carrying(String, Runnable)})
 * keeps the agent and adds the circuit under {@link #CIRCUIT}. A wrapped task puts back whatever the thread had before, so threads lent by a
 * shared runtime carry nothing from one client to the next. Only names go in: never a password,
 * session id or capability.
 *
 * <p>Thread-safe.
 */
public final class LogContext {
    /** The MDC key of the agent's name, e.g. {@code "Alice Tester"}. */
    public static final String AGENT = "slnet.agent";
    /** The MDC key of the circuit, e.g. {@code "127.0.0.1:9000"}. */
    public static final String CIRCUIT = "slnet.circuit";
    private volatile String agent;

    /** A context whose agent is not known yet. */
    public LogContext() {
    }

    /**
     * Names the agent from now on.
     *
     * @param name the agent's name, e.g. {@code "Alice Tester"}
     */
    public void agent(String name) {
        this.agent = name;
    }

    /**
     * Runs a task with the agent in the MDC.
     *
     * @param task the task
     * @return the wrapped task
     */
    public Runnable wrap(Runnable task) {
        return () -> run(AGENT, agent, task);
    }

    /**
     * A scheduler whose tasks run with the agent in the MDC.
     *
     * @param scheduler the scheduler that runs them
     * @return the wrapping scheduler
     */
    public Scheduler wrap(Scheduler scheduler) {
        return new Scheduler() {
            @Override
            public ScheduledTask schedule(Runnable task, long delayNs) {
                return scheduler.schedule(wrap(task), delayNs);
            }

            @Override
            public long nanoTime() {
                return scheduler.nanoTime();
            }
        };
    }

    /**
     * A thread factory whose threads run with the agent in the MDC.
     *
     * @param threads the factory that makes them
     * @return the wrapping factory
     */
    public ThreadFactory wrap(ThreadFactory threads) {
        return task -> threads.newThread(wrap(task));
    }

    /**
     * Puts the agent in this thread's MDC, for a stretch of work too hot for a wrapped task (each
     * datagram received); {@link #exit(String)} with what it returns puts back what was there.
     *
     * @return the agent the MDC named before, or null
     */
    public String enter() {
        String name = agent;
        if (name == null) {
            return null;
        }
        String before = MDC.get(AGENT);
        MDC.put(AGENT, name);
        return before == null ? "" : before;
    }

    /**
     * Ends what {@link #enter()} began.
     *
     * @param before what {@code enter} returned
     */
    public static void exit(String before) {
        if (before == null) {
            return;
        }
        if (before.isEmpty()) {
            MDC.remove(AGENT);
        } else {
            MDC.put(AGENT, before);
        }
    }

    /**
     * A task that runs with the agent this thread's MDC names now, and a circuit: for work one thread
     * of a client hands to another (a circuit's dispatch thread, its event executor).
     *
     * @param circuit the circuit's name, or null
     * @param task the task
     * @return the wrapped task
     */
    public static Runnable carrying(String circuit, Runnable task) {
        String agentNow = MDC.get(AGENT);
        if (agentNow == null && circuit == null) {
            return task;
        }
        return () -> run(AGENT, agentNow, () -> run(CIRCUIT, circuit, task));
    }

    /**
     * An executor whose tasks run with the agent the submitting thread's MDC names and a circuit.
     *
     * @param circuit the circuit's name
     * @param executor the executor that runs them
     * @return the wrapping executor
     */
    public static Executor carrying(String circuit, Executor executor) {
        return task -> executor.execute(carrying(circuit, task));
    }

    private static void run(String key, String value, Runnable task) {
        if (value == null) {
            task.run();
            return;
        }
        String before = MDC.get(key);
        MDC.put(key, value);
        try {
            task.run();
        } finally {
            if (before == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, before);
            }
        }
    }
}
