/**
 * Login internals: request assembly, password hashing, reply decoding and HTTP body bounds.
 * Not API: may change without notice. All classes are stateless or immutable and thread-safe.
 */
package slnet.login.internal;
