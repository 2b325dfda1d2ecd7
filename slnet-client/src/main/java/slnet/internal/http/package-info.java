/**
 * HTTP plumbing shared by the login and capability layers; not part of the API.
 */
package slnet.internal.http;
