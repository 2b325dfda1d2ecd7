/**
 * Time as a dependency: a {@link slnet.time.Clock} to read and a {@link slnet.time.Scheduler} to
 * run tasks later, so that every timer in slnet can be driven by a test.
 *
 * <p>Threading: {@link slnet.time.ExecutorScheduler} runs tasks on its own single daemon thread;
 * {@link slnet.time.ManualScheduler} runs them on whichever thread calls
 * {@link slnet.time.ManualScheduler#advanceBy(long)}. Both accept tasks from any thread. The
 * executor scheduler owns its thread and is {@link java.lang.AutoCloseable}.
 */
package slnet.time;
