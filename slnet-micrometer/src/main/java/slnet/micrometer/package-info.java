/**
 * Micrometer meters for slnet clients: {@link slnet.micrometer.ClientMetrics} binds one
 * {@link slnet.Client}'s counters (circuits, handlers, events) to any {@code MeterRegistry}, so bots in
 * production show up in Prometheus, Datadog, JMX or whatever registry the application uses.
 *
 * <p>Threading: meters read {@link slnet.Client#stats()} when the registry is scraped, from the
 * registry's thread; nothing here owns a thread. Ownership: the binder owns only the meters it
 * registered, and removes them on {@code close()}.
 */
package slnet.micrometer;
